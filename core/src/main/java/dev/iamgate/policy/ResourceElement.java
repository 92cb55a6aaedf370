package dev.iamgate.policy;

import java.util.List;
import java.util.Objects;

/**
 * The {@code Resource} or {@code NotResource} element of a statement: {@code *} or ARN patterns.
 *
 * @param negated true for {@code NotResource}
 * @param patterns the patterns, in document order
 * @param location where the element's value stands
 */
public record ResourceElement(boolean negated, List<TextValue> patterns, SourceLocation location) {

    public ResourceElement {
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(location, "location");
    }

    /** The JSON element name: {@code Resource} or {@code NotResource}. */
    public String elementName() {
        return negated ? "NotResource" : "Resource";
    }
}
