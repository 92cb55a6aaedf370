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
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(options, "options");
        return Validation.run(json, options);
    }

    /** Validates a managed identity-based policy ({@link ValidationOptions#DEFAULT}). */
    public static ValidationReport validate(String json) {
        return validate(json, ValidationOptions.DEFAULT);
    }
}
