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

    @Override
    public String toString() {
        return lineColumn() + " (" + (pointer.isEmpty() ? "/" : pointer) + ")";
    }
}
