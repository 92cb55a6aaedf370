package dev.iamgate.policy;

/** Parses IAM policy documents into {@link Policy} values. (contract stub) */
public final class PolicyParser {

    private PolicyParser() {}

    /** Parses a policy document; {@code name} is reported in errors and decisions. */
    public static Policy parse(String json, String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Parses a policy document with no name. */
    public static Policy parse(String json) {
        return parse(json, "");
    }
}
