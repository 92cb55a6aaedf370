package dev.iamgate.eval;

import dev.iamgate.policy.Effect;
import dev.iamgate.policy.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * Identifies one statement of a policy set: which policy, which statement, and where it was written.
 *
 * @param policyType the kind of policy it belongs to
 * @param policyName the policy's name (may be empty)
 * @param policyIndex 0-based position of the policy among those of its type
 * @param statementIndex 0-based position of the statement in its policy
 * @param sid the statement's Sid, if any
 * @param effect the statement's effect
 * @param location where the statement starts in its source
 */
public record StatementRef(
        PolicyType policyType,
        String policyName,
        int policyIndex,
        int statementIndex,
        Optional<String> sid,
        Effect effect,
        SourceLocation location) {

    public StatementRef {
        Objects.requireNonNull(policyType, "policyType");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(location, "location");
    }

    /** The Sid if there is one, otherwise {@code #index}. */
    public String displayName() {
        return sid.filter(s -> !s.isEmpty()).orElse("#" + statementIndex);
    }

    @Override
    public String toString() {
        String policy = policyName.isEmpty() ? policyType.description() + " #" + policyIndex : policyName;
        return policy + " statement " + displayName() + " (line " + location.line() + ")";
    }
}
