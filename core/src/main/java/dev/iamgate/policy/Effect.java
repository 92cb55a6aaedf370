package dev.iamgate.policy;

/** The {@code Effect} of a statement. IAM spells it exactly {@code Allow} or {@code Deny}. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String jsonName;

    Effect(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The spelling IAM requires in a policy document. */
    public String jsonName() {
        return jsonName;
    }
}
