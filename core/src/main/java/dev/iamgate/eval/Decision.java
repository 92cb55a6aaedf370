package dev.iamgate.eval;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one request: allow, explicit deny or implicit deny, and on request the reason.
 *
 * @param outcome the answer
 * @param explanation why, when {@link PolicySet#explain} was asked; empty from {@link PolicySet#evaluate}
 */
public record Decision(Outcome outcome, Optional<Explanation> explanation) {

    /** The shared answers of {@link PolicySet#evaluate}: deciding allocates nothing. */
    public static final Decision ALLOW = new Decision(Outcome.ALLOW, Optional.empty());
    public static final Decision EXPLICIT_DENY = new Decision(Outcome.EXPLICIT_DENY, Optional.empty());
    public static final Decision IMPLICIT_DENY = new Decision(Outcome.IMPLICIT_DENY, Optional.empty());

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** The shared decision without explanation for an outcome. */
    public static Decision of(Outcome outcome) {
        return switch (outcome) {
            case ALLOW -> ALLOW;
            case EXPLICIT_DENY -> EXPLICIT_DENY;
            case IMPLICIT_DENY -> IMPLICIT_DENY;
        };
    }

    public boolean isAllowed() {
        return outcome == Outcome.ALLOW;
    }
}
