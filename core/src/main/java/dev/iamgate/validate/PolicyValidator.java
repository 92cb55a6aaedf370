package dev.iamgate.validate;

import dev.iamgate.internal.validate.Validation;

import java.util.Objects;

/**
 * Checks IAM policy documents and reports what is wrong or risky in them, the way IAM Access
 * Analyzer's policy validation does: every problem the parser rejects, IAM's size and character
 * limits, condition operators and keys, policy variables, risky grants, redundancy. See {@link
 * Checks#all()} for the full list.
 *
 * <pre>{@code
 * ValidationReport report = PolicyValidator.validate(json, ValidationOptions.of(PolicyKind.RESOURCE));
 * for (Finding f : report.findings()) {
 *     System.out.println("policy.json:" + f);
 * }
 * }</pre>
 *
 * <p>Validation never throws for a bad document: a document that does not parse gives one
 * {@link Severity#ERROR} finding named after the parse problem. Thread-safe and stateless.
 */
public final class PolicyValidator {

    private PolicyValidator() {}

    /**
     * Validates a policy document of the given kind.
     *
     * @throws NullPointerException if an argument is null
     */
    public static ValidationReport validate(String json, ValidationOptions options) {
        return validate(json, "", options);
    }

    /**
     * Validates a policy document of the given kind, naming the policy in the report as
     * {@link dev.iamgate.policy.PolicyParser#parse(String, String)} would: a caller that compiles
     * what it validated can take {@link ValidationReport#policy()} and need not parse it again.
     *
     * @throws NullPointerException if an argument is null
     */
    public static ValidationReport validate(String json, String name, ValidationOptions options) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        return Validation.run(json, name, options);
    }

    /** Validates a managed identity-based policy ({@link ValidationOptions#DEFAULT}). */
    public static ValidationReport validate(String json) {
        return validate(json, ValidationOptions.DEFAULT);
    }
}
