package dev.iamgate.internal.match;

import dev.iamgate.internal.RequestKeys;

/** A compiled {@code Resource}/{@code NotResource} entry, matched as IAM matches ARNs. (contract stub) */
public final class ResourcePattern {

    private ResourcePattern() {}

    public static ResourcePattern compile(String text, boolean variablesEnabled) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public boolean matches(String resource, RequestKeys keys) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public boolean matchesEverything() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
