package dev.iamgate.policy;

import java.util.Objects;

/**
 * One string of a policy (an action pattern, a resource ARN, a principal, a condition value) with
 * the place it was written.
 *
 * @param text the string exactly as written (JSON numbers and booleans in conditions become their
 *     JSON text)
 * @param location where it stands in the source
 */
public record TextValue(String text, SourceLocation location) {

    public TextValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(location, "location");
    }

    /** A value built in code, with no source location. */
    public static TextValue of(String text) {
        return new TextValue(text, SourceLocation.UNKNOWN);
    }
}
