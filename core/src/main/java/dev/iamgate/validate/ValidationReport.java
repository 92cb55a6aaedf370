package dev.iamgate.validate;

import dev.iamgate.policy.Policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the validator found in one document.
 *
 * @param findings every finding, sorted by line, column and check name
 * @param policy the parsed policy, empty when the document does not parse (then {@code findings}
 *     holds the parse error)
 */
public record ValidationReport(List<Finding> findings, Optional<Policy> policy) {

    public ValidationReport {
        findings = List.copyOf(findings);
        Objects.requireNonNull(policy, "policy");
    }

    /** Whether any finding is an {@link Severity#ERROR}. */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** How many findings have the given severity. */
    public int count(Severity severity) {
        int count = 0;
        for (Finding finding : findings) {
            if (finding.severity() == severity) {
                count++;
            }
        }
        return count;
    }
}
