package dev.iamgate.policy;

import java.util.Objects;

/**
 * Thrown when a policy document cannot be read: it is not JSON, or it breaks a rule IAM enforces
 * when a policy is saved. The message reads like a compiler diagnostic:
 *
 * <pre>
 * policy.json:4:7 (/Statement/0/Effect): Effect must be exactly "Allow" or "Deny", found "allow" [invalid-effect]
 * </pre>
 */
public final class PolicyParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PolicyProblem problem;
    private final SourceLocation location;
    private final String policyName;
    private final String detail;

    /**
     * @param problem what is wrong
     * @param location where it is wrong
     * @param policyName the name the document was parsed under, empty if none
     * @param detail a human sentence describing the problem, without location
     */
    public PolicyParseException(
            PolicyProblem problem, SourceLocation location, String policyName, String detail) {
        super(format(problem, location, policyName, detail));
        this.problem = problem;
        this.location = location;
        this.policyName = policyName;
        this.detail = detail;
    }

    /**
     * As {@link #PolicyParseException(PolicyProblem, SourceLocation, String, String)}, with a
     * cause.
     */
    public PolicyParseException(
            PolicyProblem problem,
            SourceLocation location,
            String policyName,
            String detail,
            Throwable cause) {
        this(problem, location, policyName, detail);
        initCause(Objects.requireNonNull(cause, "cause"));
    }

    private static String format(
            PolicyProblem problem, SourceLocation location, String policyName, String detail) {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(detail, "detail");
        String where = policyName.isEmpty() ? location.toString() : policyName + ":" + location;
        return where + ": " + detail + " [" + problem.checkName() + "]";
    }

    /** What is wrong with the document. */
    public PolicyProblem problem() {
        return problem;
    }

    /** Where in the document the problem stands. */
    public SourceLocation location() {
        return location;
    }

    /** The name the document was parsed under; empty if none was given. */
    public String policyName() {
        return policyName;
    }

    /** The description of the problem alone, without name, location and check name. */
    public String detail() {
        return detail;
    }
}
