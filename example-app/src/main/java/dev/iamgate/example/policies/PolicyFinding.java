package dev.iamgate.example.policies;

import dev.iamgate.validate.Finding;

/**
 * One validator finding about a policy document, as the API reports it.
 *
 * @param severity {@code error}, {@code security-warning}, {@code warning} or {@code suggestion}
 * @param check the stable check name, e.g. {@code json-syntax}
 * @param message what is wrong
 * @param line 1-based line in the document
 * @param column 1-based column
 * @param pointer JSON pointer to the element
 */
public record PolicyFinding(String severity, String check, String message, int line, int column, String pointer) {

    static PolicyFinding of(Finding finding) {
        return new PolicyFinding(finding.severity().label(), finding.check(), finding.message(),
                finding.location().line(), finding.location().column(), finding.location().pointer());
    }
}
