package dev.iamgate.internal.json;

/** Small string helpers for the reader and its messages. */
final class Texts {

    /** Longest excerpt of a value quoted in a message; documents may hold megabyte strings. */
    private static final int MAX_QUOTED = 80;

    private Texts() {}

    /**
     * The value in double quotes, JSON-escaped so that control characters and line breaks cannot
     * garble a one-line message, and shortened when long.
     */
    static String quote(String value) {
        int end = Math.min(value.length(), MAX_QUOTED);
        StringBuilder sb = new StringBuilder(end + 8).append('"');
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (end < value.length()) {
            sb.append("...");
        }
        return sb.append('"').toString();
    }

    /**
     * The index of the first surrogate that is not half of a pair, or -1. Such a string is not
     * Unicode text and cannot be written as UTF-8, yet JSON escapes can produce it.
     */
    static int unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
