package dev.iamgate.internal.json;

import dev.iamgate.policy.PolicyParseException;
import dev.iamgate.policy.PolicyProblem;
import dev.iamgate.policy.SourceLocation;

/** Makes the exceptions for one document, so that each names the policy it is about. */
final class Problems {

    private final String policyName;

    Problems(String policyName) {
        this.policyName = policyName;
    }

    PolicyParseException at(SourceLocation location, PolicyProblem problem, String detail) {
        return new PolicyParseException(problem, location, policyName, detail);
    }

    PolicyParseException at(
            SourceLocation location, PolicyProblem problem, String detail, Throwable cause) {
        return new PolicyParseException(problem, location, policyName, detail, cause);
    }
}
