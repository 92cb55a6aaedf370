package dev.iamgate.policy;

import static dev.iamgate.policy.ParseAssertions.assertRejected;
import static dev.iamgate.policy.ParseAssertions.policyWithStatement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The structural problems IAM rejects when it saves a policy: unknown, missing, mistyped and
 * conflicting elements, each with the exact place it is reported.
 */
class PolicyParserProblemsTest {

    @Test
    void unknownStatementElementIsRejected() {
        String json =
                """
                {
                  "Statement": [{
                    "Effect": "Allow",
                    "Actions": ["s3:GetObject"]
                  }]
                }
                """;

        PolicyParseException e =
                assertRejected(json, PolicyProblem.UNKNOWN_ELEMENT, "/Statement/0/Actions", 4, 5);

        assertThat(e.detail()).startsWith("unknown statement element \"Actions\"");
    }

    @Test
    void unknownTopLevelElementIsRejected() {
        String json =
                """
                {
                  "Version": "2012-10-17",
                  "Statements": []
                }
                """;

        assertRejected(json, PolicyProblem.UNKNOWN_ELEMENT, "/Statements", 3, 3);
    }

    @Test
    void elementNamesAreCaseSensitive() {
        String json =
                """
                {"Statement": {"effect": "Allow", "Action": "*"}}
                """;

        assertRejected(json, PolicyProblem.UNKNOWN_ELEMENT, "/Statement/effect", 1, 16);
    }

    @Test
    void effectMustBeAString() {
        String json =
                """
                {"Statement": {
                  "Effect": 1,
                  "Action": "*"
                }}
                """;

        PolicyParseException e =
                assertRejected(json, PolicyProblem.WRONG_TYPE, "/Statement/Effect", 2, 13);

        assertThat(e.detail()).isEqualTo("Effect must be a string, found a number");
    }

    @Test
    void actionMustNotBeAnObject() {
        String json =
                """
                {"Statement": {
                  "Effect": "Allow",
                  "Action": {"s3": "GetObject"}
                }}
                """;

        assertRejected(json, PolicyProblem.WRONG_TYPE, "/Statement/Action", 3, 13);
    }

    @Test
    void actionArrayEntriesMustBeStrings() {
        String json =
                """
                {"Statement": {
                  "Effect": "Allow",
                  "Action": ["s3:GetObject", true]
                }}
                """;

        assertRejected(json, PolicyProblem.WRONG_TYPE, "/Statement/Action/1", 3, 30);
    }

    @Test
    void conditionValueMustNotBeNull() {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {
                  "StringEquals": {"aws:username": null}
                }}}
                """;

        assertRejected(
                json,
                PolicyProblem.WRONG_TYPE,
                "/Statement/Condition/StringEquals/aws:username",
                2,
                36);
    }

    @Test
    void conditionValueMustNotBeAnObject() {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {
                  "StringEquals": {"aws:username": {"name": "alice"}}
                }}}
                """;

        assertRejected(
                json,
                PolicyProblem.WRONG_TYPE,
                "/Statement/Condition/StringEquals/aws:username",
                2,
                36);
    }

    @Test
    void conditionValueArraysHoldOnlyScalars() {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {
                  "StringEquals": {"aws:username": ["alice", ["bob"]]}
                }}}
                """;

        assertRejected(
                json,
                PolicyProblem.WRONG_TYPE,
                "/Statement/Condition/StringEquals/aws:username/1",
                2,
                46);
    }

    @Test
    void conditionOperatorMustMapToAnObject() {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {
                  "StringEquals": "aws:username"
                }}}
                """;

        assertRejected(json, PolicyProblem.WRONG_TYPE, "/Statement/Condition/StringEquals", 2, 19);
    }

    @Test
    void conditionMustBeAnObject() {
        String json = policyWithStatement("\"Action\": \"*\", \"Condition\": []");

        assertRejected(json, PolicyProblem.WRONG_TYPE, "/Statement/Condition", 1, 88);
    }

    @Test
    void statementMustBeAnObjectOrAnArray() {
        String json =
                """
                {
                  "Statement": "Allow everything"
                }
                """;

        assertRejected(json, PolicyProblem.WRONG_TYPE, "/Statement", 2, 16);
    }

    @Test
    void statementArrayEntriesMustBeObjects() {
        String json =
                """
                {"Statement": [
                  {"Effect": "Allow", "Action": "*"},
                  "Allow everything"
                ]}
                """;

        assertRejected(json, PolicyProblem.WRONG_TYPE, "/Statement/1", 3, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Sid\": 1", "\"Resource\": 7", "\"Principal\": {\"AWS\": 12}"})
    void scalarElementsMustBeStrings(String member) {
        String json = policyWithStatement("\"Action\": \"*\", " + member);

        assertRejected(json, PolicyProblem.WRONG_TYPE);
    }

    @Test
    void versionAndIdMustBeStrings() {
        String version =
                "{\"Version\": 2012, \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}";
        String id = "{\"Id\": null, \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}";

        assertRejected(version, PolicyProblem.WRONG_TYPE, "/Version", 1, 13);
        assertRejected(id, PolicyProblem.WRONG_TYPE, "/Id", 1, 8);
    }

    @Test
    void statementIsRequired() {
        String json =
                """
                {
                  "Version": "2012-10-17"
                }
                """;

        PolicyParseException e = assertRejected(json, PolicyProblem.MISSING_STATEMENT, "", 1, 1);

        assertThat(e.detail()).isEqualTo("the policy has no Statement");
    }

    @Test
    void statementArrayMustNotBeEmpty() {
        String json =
                """
                {
                  "Version": "2012-10-17",
                  "Statement": []
                }
                """;

        assertRejected(json, PolicyProblem.MISSING_STATEMENT, "/Statement", 3, 16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2012-10-18", "2012-10-17 ", "", "2023-01-01", "latest"})
    void versionMustBeOneOfTheTwoDates(String version) {
        String json =
                """
                {
                  "Version": "%s",
                  "Statement": {"Effect": "Allow", "Action": "*"}
                }
                """
                        .formatted(version);

        assertRejected(json, PolicyProblem.INVALID_VERSION, "/Version", 2, 14);
    }

    @Test
    void effectIsRequired() {
        String json =
                """
                {"Statement": [
                  {"Effect": "Allow", "Action": "*"},
                  {"Action": "*", "Resource": "*"}
                ]}
                """;

        assertRejected(json, PolicyProblem.MISSING_EFFECT, "/Statement/1", 3, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"allow", "ALLOW", "Allow ", "deny", "Permit", ""})
    void effectIsCaseSensitive(String effect) {
        String json =
                """
                {"Statement": [{
                  "Action": "*",
                  "Effect": "%s"
                }]}
                """
                        .formatted(effect);

        PolicyParseException e =
                assertRejected(json, PolicyProblem.INVALID_EFFECT, "/Statement/0/Effect", 3, 13);

        assertThat(e.detail())
                .isEqualTo(
                        "Effect must be exactly \"Allow\" or \"Deny\", found \"" + effect + "\"");
    }

    @Test
    void actionIsRequired() {
        String json =
                """
                {"Statement": {
                  "Effect": "Allow",
                  "Resource": "*"
                }}
                """;

        assertRejected(json, PolicyProblem.MISSING_ACTION, "/Statement", 1, 15);
    }

    @Test
    void actionMustNotBeAnEmptyArray() {
        String json =
                """
                {"Statement": {
                  "Effect": "Allow",
                  "NotAction": []
                }}
                """;

        assertRejected(json, PolicyProblem.MISSING_ACTION, "/Statement/NotAction", 3, 16);
    }

    @Test
    void actionAndNotActionConflict() {
        String json =
                """
                {"Statement": {
                  "Effect": "Allow",
                  "Action": "s3:*",
                  "NotAction": "s3:DeleteBucket"
                }}
                """;

        PolicyParseException e =
                assertRejected(
                        json, PolicyProblem.CONFLICTING_ELEMENTS, "/Statement/NotAction", 4, 3);

        assertThat(e.detail()).isEqualTo("a statement cannot have both Action and NotAction");
    }

    @Test
    void resourceAndNotResourceConflict() {
        String json =
                """
                {"Statement": {
                  "Effect": "Allow",
                  "Action": "s3:*",
                  "NotResource": "arn:aws:s3:::secret/*",
                  "Resource": "*"
                }}
                """;

        assertRejected(json, PolicyProblem.CONFLICTING_ELEMENTS, "/Statement/Resource", 5, 3);
    }

    @Test
    void principalAndNotPrincipalConflict() {
        String json =
                """
                {"Statement": {
                  "Effect": "Deny",
                  "Principal": "*",
                  "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"},
                  "Action": "s3:*"
                }}
                """;

        assertRejected(json, PolicyProblem.CONFLICTING_ELEMENTS, "/Statement/NotPrincipal", 4, 3);
    }
}
