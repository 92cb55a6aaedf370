package dev.iamgate.internal.validate;

/** Quoting of policy text in one-line messages. */
final class Quote {

    /** Longest excerpt of a value quoted in a message; documents may hold very long strings. */
    private static final int MAX = 80;

    private Quote() {}

    /** The text in double quotes, control characters escaped, shortened when long. */
    static String of(String text) {
        return '"' + escape(text, MAX, true) + '"';
    }

    /**
     * A name from the document (a Sid, a condition key) to print without quotes: control
     * characters escaped, shortened when long.
     */
    static String name(String text) {
        return escape(text, MAX, false);
    }

    /** A whole message on one line: control characters escaped, nothing shortened. */
    static String oneLine(String message) {
        for (int i = 0; i < message.length(); i++) {
            if (isControl(message.charAt(i))) {
                return escape(message, message.length(), false);
            }
        }
        return message;
    }

    private static String escape(String text, int max, boolean quotes) {
        int end = Math.min(text.length(), max);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // do not cut a pair in half
        }
        StringBuilder sb = new StringBuilder(end + 8);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (quotes && (c == '"' || c == '\\')) {
                sb.append('\\').append(c);
            } else if (isControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return end < text.length() ? sb.append("...").toString() : sb.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029;
    }
}
