package dev.iamgate.policy;

import java.util.Objects;

/**
 * Where a piece of a policy document stands in its source text: an RFC 6901 JSON pointer and the
 * 1-based line and column of the value's first character.
 *
 * @param pointer JSON pointer to the value, {@code ""} for the whole document
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record SourceLocation(String pointer, int line, int column) {

    /** The location of something that has no place in a source text (built in code). */
    public static final SourceLocation UNKNOWN = new SourceLocation("", 0, 0);

    public SourceLocation {
        Objects.requireNonNull(pointer, "pointer");
    }

    /** {@code line:column}, the way compilers print a position. */
    public String lineColumn() {
        return line + ":" + column;
    }

    /**
     * {@code line:column (pointer)}, on one line: the pointer repeats member names from the
     * document, so its control and line-separator characters are shown as Java-style Unicode
     * escapes (a line feed as backslash, {@code u000a}).
     */
    @Override
    public String toString() {
        return lineColumn() + " (" + (pointer.isEmpty() ? "/" : oneLine(pointer)) + ")";
    }

    private static String oneLine(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029;
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (control) {
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
