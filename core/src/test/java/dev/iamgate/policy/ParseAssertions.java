package dev.iamgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Assertions shared by the parser tests. */
final class ParseAssertions {

    static final String NAME = "test.json";

    private ParseAssertions() {}

    /** The exception parsing {@code json} must throw. */
    static PolicyParseException rejected(String json) {
        return assertThrows(PolicyParseException.class, () -> PolicyParser.parse(json, NAME));
    }

    /** Asserts that parsing fails with {@code problem} at exactly this place. */
    static PolicyParseException assertRejected(
            String json, PolicyProblem problem, String pointer, int line, int column) {
        PolicyParseException e = rejected(json);
        assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem);
        assertThat(e.location())
                .as(e.getMessage())
                .isEqualTo(new SourceLocation(pointer, line, column));
        assertThat(e.policyName()).isEqualTo(NAME);
        return e;
    }

    /** Asserts that parsing fails with {@code problem}, wherever. */
    static PolicyParseException assertRejected(String json, PolicyProblem problem) {
        PolicyParseException e = rejected(json);
        assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem);
        return e;
    }

    /** A statement with the given members added to a valid {@code Effect}, for short tests. */
    static String policyWithStatement(String statementMembers) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", "
                + statementMembers
                + "}}";
    }
}
