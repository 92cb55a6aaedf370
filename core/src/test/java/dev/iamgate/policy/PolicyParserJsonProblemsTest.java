package dev.iamgate.policy;

import static dev.iamgate.policy.ParseAssertions.assertRejected;
import static dev.iamgate.policy.ParseAssertions.policyWithStatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The JSON-level problems: syntax, duplicate keys, the kind of the root, size and nesting limits,
 * each with the exact place it is reported.
 */
class PolicyParserJsonProblemsTest {

    @Test
    void missingCommaIsAJsonSyntaxErrorWhereJacksonStops() {
        String json =
                """
                {
                  "Version": "2012-10-17"
                  "Statement": []
                }
                """;

        PolicyParseException e = assertRejected(json, PolicyProblem.JSON_SYNTAX, "/Version", 3, 3);

        assertThat(e.detail()).startsWith("invalid JSON: ");
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void contentAfterTheDocumentIsAJsonSyntaxError() {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*"}}
                {"Statement": {"Effect": "Allow", "Action": "*"}}
                """;

        assertRejected(json, PolicyProblem.JSON_SYNTAX, "", 2, 1);
    }

    @Test
    void commentsAreNotJson() {
        String json =
                """
                {
                  // allow everything
                  "Statement": {"Effect": "Allow", "Action": "*"}
                }
                """;

        assertRejected(json, PolicyProblem.JSON_SYNTAX, "", 2, 3);
    }

    @Test
    void singleQuotesAreNotJson() {
        String json =
                """
                {
                  'Statement': {"Effect": "Allow", "Action": "*"}
                }
                """;

        assertRejected(json, PolicyProblem.JSON_SYNTAX, "", 2, 3);
    }

    @Test
    void trailingCommaIsNotJson() {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": ["a:B",]}}
                """;

        // the pointer names the element the comma promised
        assertRejected(json, PolicyProblem.JSON_SYNTAX, "/Statement/Action/1", 1, 52);
    }

    @Test
    void duplicateKeyIsRejectedWithItsLocation() {
        String json =
                """
                {
                  "Statement": {
                    "Effect": "Allow",
                    "Action": "*",
                    "Effect": "Deny"
                  }
                }
                """;

        PolicyParseException e =
                assertRejected(json, PolicyProblem.DUPLICATE_KEY, "/Statement/Effect", 5, 5);

        assertThat(e.detail())
                .isEqualTo("key \"Effect\" appears more than once in the same object");
    }

    @Test
    void repeatedConditionOperatorIsADuplicateKey() {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {
                  "StringEquals": {"aws:username": "alice"},
                  "StringEquals": {"aws:PrincipalTag/team": "blue"}
                }}}
                """;

        assertRejected(
                json, PolicyProblem.DUPLICATE_KEY, "/Statement/Condition/StringEquals", 3, 3);
    }

    @Test
    void duplicateKeyIsFoundAmongManyKeys() {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            keys.append("\"k").append(i).append("\": \"v\",\n");
        }
        String json =
                policyWithStatement(
                        "\"Action\": \"*\", \"Condition\": {\"StringEquals\": {\n"
                                + keys
                                + "\"k42\": \"again\"}}");

        assertRejected(
                json, PolicyProblem.DUPLICATE_KEY, "/Statement/Condition/StringEquals/k42", 102, 1);
    }

    @Test
    void documentMustBeAnObject() {
        String json =
                """
                [{"Statement": {"Effect": "Allow", "Action": "*"}}]
                """;

        PolicyParseException e = assertRejected(json, PolicyProblem.WRONG_TYPE, "", 1, 1);

        assertThat(e.detail()).isEqualTo("a policy document must be an object, found an array");
    }

    @Test
    void documentOverTheLengthLimitIsTooLarge() {
        PolicyParser parser = PolicyParser.withLimits(new PolicyParser.Limits(64, 64));
        String json = policyWithStatement("\"Action\": \"*\"");

        PolicyParseException e =
                assertThrows(PolicyParseException.class, () -> parser.read(json, "big.json"));

        assertThat(e.problem()).isEqualTo(PolicyProblem.DOCUMENT_TOO_LARGE);
        assertThat(e.location()).isEqualTo(new SourceLocation("", 1, 1));
        assertThat(e.detail())
                .isEqualTo(
                        "the document is " + json.length() + " characters long; the limit is 64");
    }

    @Test
    void nestingOverTheDepthLimitIsTooDeep() {
        // root, Statement, Condition, operator and the outer array make five levels
        PolicyParser parser = PolicyParser.withLimits(new PolicyParser.Limits(4096, 5));
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {
                  "StringEquals": {"aws:username": [["alice"]]}
                }}}
                """;

        PolicyParseException e =
                assertThrows(PolicyParseException.class, () -> parser.read(json, "deep.json"));

        assertThat(e.problem()).isEqualTo(PolicyProblem.NESTING_TOO_DEEP);
        assertThat(e.location())
                .isEqualTo(
                        new SourceLocation(
                                "/Statement/Condition/StringEquals/aws:username/0", 2, 37));
    }

    @Test
    void jsonProblemsComeBeforePolicyProblems() {
        // the invalid Effect comes first in the document, the syntax error at its end
        String json =
                """
                {"Statement": {"Effect": "allow", "Action": "*"}
                """;

        assertRejected(json, PolicyProblem.JSON_SYNTAX);
    }
}
