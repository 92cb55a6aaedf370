package dev.iamgate.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a policy.
 *
 * @param index 0-based position in the policy's statement list
 * @param sid the {@code Sid}, if written
 * @param effect Allow or Deny
 * @param principal {@code Principal} / {@code NotPrincipal}, present in resource-based policies
 * @param action {@code Action} / {@code NotAction}
 * @param resource {@code Resource} / {@code NotResource}; some resource-based policies omit it
 * @param conditions the {@code Condition} block, one entry per operator and key, AND'ed
 * @param location where the statement object starts
 */
public record Statement(
        int index,
        Optional<String> sid,
        Effect effect,
        Optional<PrincipalElement> principal,
        ActionElement action,
        Optional<ResourceElement> resource,
        List<Condition> conditions,
        SourceLocation location) {

    public Statement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(location, "location");
    }

    /** The Sid if there is one, otherwise {@code #index}: how people refer to a statement. */
    public String displayName() {
        return sid.filter(s -> !s.isEmpty()).orElse("#" + index);
    }
}
