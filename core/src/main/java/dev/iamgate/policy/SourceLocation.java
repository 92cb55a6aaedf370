package dev.iamgate.policy;

import java.util.Objects;

/**
 * Where a piece of a policy document stands in its source text: an RFC 6901 JSON pointer and the
 * 1-based line and column of the value's first character. Two locations are equal when their
 * pointers, lines and columns are.
 *
 * <p>A location made by {@link #member} or {@link #element} keeps its parent and one reference
 * token, and builds its pointer only when asked: a compiled policy set keeps tens of thousands of
 * locations for explanations, and almost none of their pointers is ever read.
 */
public final class SourceLocation {

    /** The location of something that has no place in a source text (built in code). */
    public static final SourceLocation UNKNOWN = new SourceLocation("", 0, 0);

    /** The parent location, or null when {@link #token} is the whole pointer. */
    private final SourceLocation parent;
    /** The escaped reference token after the parent's pointer, the whole pointer, or null for an element. */
    private final String token;
    private final int index;
    private final int line;
    private final int column;

    /**
     * @param pointer JSON pointer to the value, {@code ""} for the whole document
     * @param line 1-based line, 0 when unknown
     * @param column 1-based column, 0 when unknown
     */
    public SourceLocation(String pointer, int line, int column) {
        this(null, Objects.requireNonNull(pointer, "pointer"), -1, line, column);
    }

    private SourceLocation(SourceLocation parent, String token, int index, int line, int column) {
        this.parent = parent;
        this.token = token;
        this.index = index;
        this.line = line;
        this.column = column;
    }

    /** The location, at {@code line:column}, of member {@code name} of the value here. */
    public SourceLocation member(String name, int line, int column) {
        return new SourceLocation(this, escape(Objects.requireNonNull(name, "name")), -1, line, column);
    }

    /** The location, at {@code line:column}, of element {@code index} of the array here. */
    public SourceLocation element(int index, int line, int column) {
        if (index < 0) {
            throw new IllegalArgumentException("negative index " + index);
        }
        return new SourceLocation(this, null, index, line, column);
    }

    /** The same pointer at another line and column. */
    public SourceLocation at(int line, int column) {
        return new SourceLocation(parent, token, index, line, column);
    }

    /** JSON pointer to the value, {@code ""} for the whole document. */
    public String pointer() {
        if (parent == null) {
            return token;
        }
        StringBuilder sb = new StringBuilder(64);
        appendPointer(sb);
        return sb.toString();
    }

    private void appendPointer(StringBuilder sb) {
        if (parent == null) {
            sb.append(token);
            return;
        }
        parent.appendPointer(sb);
        sb.append('/');
        if (token == null) {
            sb.append(index);
        } else {
            sb.append(token);
        }
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int column() {
        return column;
    }

    /** {@code line:column}, the way compilers print a position. */
    public String lineColumn() {
        return line + ":" + column;
    }

    @Override
    public boolean equals(Object o) {
        return o == this
                || o instanceof SourceLocation other
                        && line == other.line
                        && column == other.column
                        && (sameTokens(this, other) || pointer().equals(other.pointer()));
    }

    /**
     * Whether {@code a} and {@code b} were built from equal tokens on equal parents, which makes
     * their pointers equal without building them: a compile compares thousands of locations.
     * Different chains can still spell the same pointer, so false is not the last word.
     */
    private static boolean sameTokens(SourceLocation a, SourceLocation b) {
        while (a != b) {
            if (a.index != b.index || !Objects.equals(a.token, b.token) || (a.parent == null) != (b.parent == null)) {
                return false;
            }
            a = a.parent;
            b = b.parent;
        }
        return true;
    }

    @Override
    public int hashCode() {
        return (pointer().hashCode() * 31 + line) * 31 + column;
    }

    /**
     * {@code line:column (pointer)}, on one line: the pointer repeats member names from the
     * document, so its control and line-separator characters are shown as Java-style Unicode
     * escapes (a line feed as backslash, {@code u000a}).
     */
    @Override
    public String toString() {
        String pointer = pointer();
        return lineColumn() + " (" + (pointer.isEmpty() ? "/" : oneLine(pointer)) + ")";
    }

    /** Escapes one reference token: {@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}. */
    private static String escape(String token) {
        int first = firstSpecial(token);
        if (first < 0) {
            return token; // the common case: nothing to escape, nothing to allocate
        }
        StringBuilder sb = new StringBuilder(token.length() + 4).append(token, 0, first);
        for (int i = first; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '~') {
                sb.append("~0");
            } else if (c == '/') {
                sb.append("~1");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int firstSpecial(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '~' || c == '/') {
                return i;
            }
        }
        return -1;
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
