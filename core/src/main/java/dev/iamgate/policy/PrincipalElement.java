package dev.iamgate.policy;

import java.util.List;
import java.util.Objects;

/**
 * The {@code Principal} or {@code NotPrincipal} element of a statement in a resource-based policy.
 * The principals listed are OR'ed.
 *
 * @param negated true for {@code NotPrincipal}
 * @param principals the principals, in document order
 * @param location where the element's value stands
 */
public record PrincipalElement(boolean negated, List<PrincipalId> principals, SourceLocation location) {

    public PrincipalElement {
        principals = List.copyOf(principals);
        Objects.requireNonNull(location, "location");
    }

    /** The JSON element name: {@code Principal} or {@code NotPrincipal}. */
    public String elementName() {
        return negated ? "NotPrincipal" : "Principal";
    }
}
