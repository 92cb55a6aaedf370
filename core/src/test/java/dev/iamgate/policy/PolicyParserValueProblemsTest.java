package dev.iamgate.policy;

import static dev.iamgate.policy.ParseAssertions.assertRejected;
import static dev.iamgate.policy.ParseAssertions.policyWithStatement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values IAM refuses inside otherwise well-formed elements: resources, operators and principals,
 * each with the exact place it is reported.
 */
class PolicyParserValueProblemsTest {

    @Test
    void resourceMustNotBeAnEmptyArray() {
        String json =
                """
                {"Statement": {
                  "Effect": "Allow",
                  "Action": "s3:*",
                  "Resource": []
                }}
                """;

        assertRejected(json, PolicyProblem.EMPTY_RESOURCE, "/Statement/Resource", 4, 15);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "StringEqual",
                "stringequals",
                "StringEquals ",
                "ForSomeValues:StringEquals",
                "ForAnyValue:",
                "IfExists",
                ""
            })
    void unknownOperatorIsRejected(String operator) {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {
                  "%s": {"aws:username": "alice"}
                }}}
                """
                        .formatted(operator);
        String pointer = "/Statement/Condition/" + operator;

        assertRejected(json, PolicyProblem.UNKNOWN_OPERATOR, pointer, 2, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NullIfExists", "ForAllValues:NullIfExists"})
    void nullIfExistsIsNotAnOperator(String operator) {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {
                  "%s": {"aws:TokenIssueTime": "true"}
                }}}
                """
                        .formatted(operator);
        String pointer = "/Statement/Condition/" + operator;

        PolicyParseException e =
                assertRejected(json, PolicyProblem.UNKNOWN_OPERATOR, pointer, 2, 3);

        assertThat(e.detail()).startsWith("NullIfExists is not an operator");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bucket",
                "s3:::bucket",
                "ARN:aws:s3:::bucket",
                "arn:aws:s3:bucket",
                "arn:aws:s3::bucket",
                "arn:",
                "",
                " *"
            })
    void resourceMustBeStarOrAnArn(String resource) {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*", "Resource": [
                  "*",
                  "%s"
                ]}}
                """
                        .formatted(resource);

        assertRejected(json, PolicyProblem.INVALID_ARN, "/Statement/Resource/1", 3, 3);
    }

    @Test
    void notResourceEntriesMustBeArnsToo() {
        String json = policyWithStatement("\"Action\": \"*\", \"NotResource\": \"my-bucket\"");

        assertRejected(json, PolicyProblem.INVALID_ARN, "/Statement/NotResource", 1, 90);
    }

    @Test
    void principalStringMustBeStar() {
        String json =
                """
                {"Statement": {
                  "Effect": "Allow",
                  "Action": "sts:AssumeRole",
                  "Principal": "arn:aws:iam::123456789012:root"
                }}
                """;

        PolicyParseException e =
                assertRejected(
                        json, PolicyProblem.INVALID_PRINCIPAL, "/Statement/Principal", 4, 16);

        assertThat(e.detail()).contains("\"arn:aws:iam::123456789012:root\"");
    }

    @Test
    void principalMustNotBeAnArray() {
        String json = policyWithStatement("\"Action\": \"*\", \"Principal\": [\"*\"]");

        assertRejected(json, PolicyProblem.INVALID_PRINCIPAL, "/Statement/Principal", 1, 88);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "Aws", "IAM", "Services", ""})
    void principalTypeIsSpelledExactly(String type) {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*", "Principal": {
                  "%s": "123456789012"
                }}}
                """
                        .formatted(type);
        String pointer = "/Statement/Principal/" + type;

        assertRejected(json, PolicyProblem.INVALID_PRINCIPAL, pointer, 2, 3);
    }

    @Test
    void principalMustNotBeEmpty() {
        String emptyString =
                """
                {"Statement": {"Effect": "Allow", "Action": "*", "Principal": {
                  "AWS": ["123456789012", ""]
                }}}
                """;
        String emptyArray = policyWithStatement("\"Action\": \"*\", \"Principal\": {\"AWS\": []}");
        String emptyMap = policyWithStatement("\"Action\": \"*\", \"Principal\": {}");

        assertRejected(
                emptyString, PolicyProblem.INVALID_PRINCIPAL, "/Statement/Principal/AWS/1", 2, 27);
        assertRejected(emptyArray, PolicyProblem.INVALID_PRINCIPAL, "/Statement/Principal", 1, 88);
        assertRejected(emptyMap, PolicyProblem.INVALID_PRINCIPAL, "/Statement/Principal", 1, 88);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::1:user/*", "arn:aws:iam::*:root", "12345678901*"})
    void principalWildcardMustBeBare(String principal) {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*", "Principal": {
                  "AWS": "%s"
                }}}
                """
                        .formatted(principal);

        assertRejected(json, PolicyProblem.INVALID_PRINCIPAL, "/Statement/Principal/AWS", 2, 10);
    }
}
