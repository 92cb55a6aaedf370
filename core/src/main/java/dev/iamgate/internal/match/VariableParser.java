package dev.iamgate.internal.match;

import java.util.Locale;

/**
 * Splits a policy string into raw characters, escapes ({@code ${*}}, {@code ${?}}, {@code ${$}})
 * and variable references.
 *
 * <p>A {@code ${} that does not start a well-formed reference (missing {@code }}, missing quote,
 * whitespace in the name, empty name, no {@code ", '"} before the default) is passed on as raw
 * characters: reporting it is the validator's job, and raw text is what AWS compares against.
 */
final class VariableParser {

    /** Receives the pieces of a policy string, in order. */
    interface Sink {

        /** A character of the source text; pattern syntax ({@code *}, {@code ?}) still applies. */
        void raw(char c);

        /** A character produced by an escape; always literal. */
        void escaped(char c);

        void variable(Variable variable);
    }

    private VariableParser() {}

    /** Feeds {@code text[from..]} to the sink; without {@code variablesEnabled} every char is raw. */
    static void parse(String text, int from, boolean variablesEnabled, Sink sink) {
        int i = from;
        int length = text.length();
        while (i < length) {
            if (variablesEnabled && text.startsWith("${", i)) {
                int next = reference(text, i, sink);
                if (next > 0) {
                    i = next;
                    continue;
                }
            }
            sink.raw(text.charAt(i++));
        }
    }

    /**
     * Emits the reference at {@code text[start]} (which is {@code ${}) and returns the index after
     * it, or returns -1 without emitting anything when it is malformed.
     */
    private static int reference(String text, int start, Sink sink) {
        int length = text.length();
        int nameStart = start + 2;
        if (nameStart + 1 < length && text.charAt(nameStart + 1) == '}') {
            char c = text.charAt(nameStart);
            if (c == '*' || c == '?' || c == '$') {
                sink.escaped(c);
                return nameStart + 2;
            }
        }
        int nameEnd = nameStart;
        while (nameEnd < length && isNameChar(text.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == nameStart || nameEnd == length) {
            return -1;
        }
        String key = text.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        if (text.charAt(nameEnd) == '}') {
            sink.variable(new Variable(key, null));
            return nameEnd + 1;
        }
        // The documented form is exactly: comma, one space, single-quoted text, closing brace.
        if (!text.startsWith(", '", nameEnd)) {
            return -1;
        }
        int defaultStart = nameEnd + 3;
        int quote = text.indexOf('\'', defaultStart);
        if (quote < 0 || quote + 1 >= length || text.charAt(quote + 1) != '}') {
            return -1;
        }
        sink.variable(new Variable(key, text.substring(defaultStart, quote)));
        return quote + 2;
    }

    private static boolean isNameChar(char c) {
        return !Character.isWhitespace(c) && c != '}' && c != '{' && c != '$' && c != ',' && c != '\'';
    }
}
