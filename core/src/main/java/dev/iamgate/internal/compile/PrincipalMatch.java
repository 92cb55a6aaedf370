package dev.iamgate.internal.compile;

/**
 * How a request's principal matched a resource-based policy statement's principal element, weakest
 * first. The strength decides what else must allow (see the IAM decision flow).
 */
public enum PrincipalMatch {
    /** The statement does not name the caller. */
    NONE,
    /** The statement names the caller's account: the account's own policies must still allow. */
    ACCOUNT,
    /** The statement names the role the caller's session belongs to: boundaries and session policies still apply. */
    SESSION_ROLE,
    /** The statement names the IAM user who federated into the caller's session. */
    SESSION_USER,
    /** The statement names the caller itself (its ARN, {@code *}, or excludes it from NotPrincipal). */
    DIRECT;

    PrincipalMatch strongest(PrincipalMatch other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
