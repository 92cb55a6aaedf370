package dev.iamgate.internal.match;

import dev.iamgate.internal.RequestKeys;

/** Text with optional policy variables, resolved against a request. (contract stub) */
public final class ValueTemplate {

    private ValueTemplate() {}

    /** Parses {@code text}; with {@code variablesEnabled} false the whole text is literal. */
    public static ValueTemplate parse(String text, boolean variablesEnabled) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether resolving needs the request. */
    public boolean hasVariables() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The text with variables substituted, or null when a variable has no value and no default. */
    public String resolve(RequestKeys keys) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
