package dev.iamgate.eval;

/** The three answers of IAM's decision logic. */
public enum Outcome {
    /** Some applicable statement allows, every layer that must allow does, and nothing denies. */
    ALLOW("Allow"),
    /** An applicable Deny statement in some policy. */
    EXPLICIT_DENY("ExplicitDeny"),
    /** Nothing denies, but nothing (or not every required layer) allows. */
    IMPLICIT_DENY("ImplicitDeny");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire and in the conformance corpus: {@code Allow}, {@code ExplicitDeny}, {@code ImplicitDeny}. */
    public String wireName() {
        return wireName;
    }
}
