package dev.iamgate.eval;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one request: allow, explicit deny or implicit deny; the kind of policy that
 * decided; the statement that decided, when one did; and on request the full explanation.
 *
 * <p>{@link PolicySet#evaluate} hands out decisions built when the set was compiled (one per
 * statement, one per kind of implicit deny), so a decision costs no allocation of its own and
 * still says which statement decided.
 *
 * @param outcome the answer
 * @param decidingType where the explicit deny was, which kind of policy granted, or which kind
 *     failed to allow (for an implicit deny)
 * @param decidingStatement the applicable statement that decided: a Deny for an explicit deny, an
 *     Allow of the granting policy for an allow; empty for an implicit deny
 * @param explanation why, when {@link PolicySet#explain} was asked; empty from {@link PolicySet#evaluate}
 */
public record Decision(
        Outcome outcome, PolicyType decidingType, Optional<StatementRef> decidingStatement, Optional<Explanation> explanation) {

    private static final Decision[] IMPLICIT_DENIES = new Decision[PolicyType.values().length];

    static {
        for (PolicyType type : PolicyType.values()) {
            IMPLICIT_DENIES[type.ordinal()] = new Decision(Outcome.IMPLICIT_DENY, type, Optional.empty(), Optional.empty());
        }
    }

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidingType, "decidingType");
        Objects.requireNonNull(decidingStatement, "decidingStatement");
        Objects.requireNonNull(explanation, "explanation");
        if (outcome == Outcome.IMPLICIT_DENY && decidingStatement.isPresent()) {
            throw new IllegalArgumentException("an implicit deny has no deciding statement");
        }
    }

    /** The shared implicit deny because no policy of the given kind allows. */
    public static Decision implicitDeny(PolicyType notAllowingType) {
        return IMPLICIT_DENIES[notAllowingType.ordinal()];
    }

    /** The decision a statement makes when it applies: allow for Allow, explicit deny for Deny. */
    public static Decision decidedBy(StatementRef statement) {
        Outcome outcome = switch (statement.effect()) {
            case ALLOW -> Outcome.ALLOW;
            case DENY -> Outcome.EXPLICIT_DENY;
        };
        return new Decision(outcome, statement.policyType(), Optional.of(statement), Optional.empty());
    }

    /** The same decision with its explanation. */
    public Decision withExplanation(Explanation why) {
        return new Decision(outcome, decidingType, decidingStatement, Optional.of(why));
    }

    public boolean isAllowed() {
        return outcome == Outcome.ALLOW;
    }
}
