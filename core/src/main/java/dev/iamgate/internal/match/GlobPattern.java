package dev.iamgate.internal.match;

import dev.iamgate.internal.RequestKeys;

/** A compiled glob: {@code *} any run, {@code ?} one character, optional policy variables. (contract stub) */
public final class GlobPattern {

    private GlobPattern() {}

    public static GlobPattern compile(String text, boolean variablesEnabled, boolean ignoreCase) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** True when the value matches; false when it does not or a variable cannot be resolved. */
    public boolean matches(String value, RequestKeys keys) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether the pattern is exactly {@code *}. */
    public boolean matchesEverything() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether the pattern has no wildcard and no variable (so equality decides). */
    public boolean isLiteral() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The literal text (escapes resolved) when {@link #isLiteral()}. */
    public String literalText() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
