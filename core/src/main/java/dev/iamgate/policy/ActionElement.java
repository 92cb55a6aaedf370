package dev.iamgate.policy;

import java.util.List;
import java.util.Objects;

/**
 * The {@code Action} or {@code NotAction} element of a statement: {@code service:Name} patterns
 * with {@code *} and {@code ?}, matched case-insensitively.
 *
 * @param negated true for {@code NotAction}
 * @param patterns the patterns, in document order (never empty for a parsed policy)
 * @param location where the element's value stands
 */
public record ActionElement(boolean negated, List<TextValue> patterns, SourceLocation location) {

    public ActionElement {
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(location, "location");
    }

    /** The JSON element name: {@code Action} or {@code NotAction}. */
    public String elementName() {
        return negated ? "NotAction" : "Action";
    }
}
