package dev.iamgate.policy;

import static dev.iamgate.policy.ParseAssertions.policyWithStatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

/** The grammar {@link PolicyParser} accepts, and the locations it records. */
class PolicyParserTest {

    private static final String MINIMAL =
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ReadBuckets",
                  "Effect": "Allow",
                  "Action": ["s3:GetObject", "s3:ListBucket"],
                  "Resource": "arn:aws:s3:::bucket/*"
                }
              ]
            }
            """;

    private static List<String> texts(List<TextValue> values) {
        return values.stream().map(TextValue::text).toList();
    }

    private static Statement onlyStatement(String json) {
        Policy policy = PolicyParser.parse(json);
        assertThat(policy.statements()).hasSize(1);
        return policy.statements().get(0);
    }

    @Test
    void minimalPolicyParsesIntoTheModel() {
        Policy policy = PolicyParser.parse(MINIMAL, "read.json");

        assertThat(policy.name()).isEqualTo("read.json");
        assertThat(policy.version()).isEqualTo(PolicyVersion.V2012_10_17);
        assertThat(policy.id()).isEmpty();
        Statement statement = policy.statements().get(0);
        assertThat(statement.index()).isZero();
        assertThat(statement.sid()).contains("ReadBuckets");
        assertThat(statement.effect()).isEqualTo(Effect.ALLOW);
        assertThat(statement.principal()).isEmpty();
        assertThat(statement.action().negated()).isFalse();
        assertThat(texts(statement.action().patterns()))
                .containsExactly("s3:GetObject", "s3:ListBucket");
        assertThat(statement.resource())
                .hasValueSatisfying(
                        resource -> {
                            assertThat(resource.negated()).isFalse();
                            assertThat(texts(resource.patterns()))
                                    .containsExactly("arn:aws:s3:::bucket/*");
                        });
        assertThat(statement.conditions()).isEmpty();
    }

    @Test
    void everyElementRecordsItsPointerLineAndColumn() {
        Statement statement = PolicyParser.parse(MINIMAL).statements().get(0);

        assertThat(statement.location()).isEqualTo(new SourceLocation("/Statement/0", 4, 5));
        assertThat(statement.action().location())
                .isEqualTo(new SourceLocation("/Statement/0/Action", 7, 17));
        assertThat(statement.action().patterns())
                .extracting(TextValue::location)
                .containsExactly(
                        new SourceLocation("/Statement/0/Action/0", 7, 18),
                        new SourceLocation("/Statement/0/Action/1", 7, 34));
        ResourceElement resource = statement.resource().orElseThrow();
        assertThat(resource.location())
                .isEqualTo(new SourceLocation("/Statement/0/Resource", 8, 19));
        assertThat(resource.patterns().get(0).location()).isEqualTo(resource.location());
    }

    @Test
    void statementMayBeASingleObject() {
        Policy policy =
                PolicyParser.parse(
                        """
                        {
                          "Statement": {
                            "Effect": "Deny",
                            "Action": "*",
                            "Resource": "*"
                          }
                        }
                        """);

        Statement statement = policy.statements().get(0);
        assertThat(policy.statements()).hasSize(1);
        assertThat(statement.index()).isZero();
        assertThat(statement.effect()).isEqualTo(Effect.DENY);
        // the pointer names the object where it stands: there is no array to index
        assertThat(statement.location()).isEqualTo(new SourceLocation("/Statement", 2, 16));
        assertThat(statement.action().location())
                .isEqualTo(new SourceLocation("/Statement/Action", 4, 15));
    }

    @Test
    void statementsKeepDocumentOrderAndTheirIndex() {
        Policy policy =
                PolicyParser.parse(
                        """
                        {"Version": "2012-10-17", "Statement": [
                          {"Sid": "First", "Effect": "Allow", "Action": "a:A", "Resource": "*"},
                          {"Sid": "Second", "Effect": "Deny", "Action": "b:B", "Resource": "*"},
                          {"Effect": "Allow", "Action": "c:C", "Resource": "*"}
                        ]}
                        """);

        assertThat(policy.statements()).extracting(Statement::index).containsExactly(0, 1, 2);
        assertThat(policy.statements())
                .extracting(Statement::displayName)
                .containsExactly("First", "Second", "#2");
        assertThat(policy.statements().get(2).location())
                .isEqualTo(new SourceLocation("/Statement/2", 4, 3));
    }

    @Test
    void actionMayBeAStringOrAnArray() {
        Statement single = onlyStatement(policyWithStatement("\"Action\": \"iam:GetUser\""));
        Statement many =
                onlyStatement(
                        policyWithStatement("\"Action\": [\"iam:GetUser\", \"iam:ListUsers\"]"));

        assertThat(texts(single.action().patterns())).containsExactly("iam:GetUser");
        assertThat(texts(many.action().patterns())).containsExactly("iam:GetUser", "iam:ListUsers");
    }

    @Test
    void notActionIsANegatedActionElement() {
        ActionElement action =
                onlyStatement(policyWithStatement("\"NotAction\": [\"iam:*\"]")).action();

        assertThat(action.negated()).isTrue();
        assertThat(action.elementName()).isEqualTo("NotAction");
        assertThat(texts(action.patterns())).containsExactly("iam:*");
    }

    @Test
    void resourceMayBeAStringOrAnArray() {
        Statement single =
                onlyStatement(policyWithStatement("\"Action\": \"*\", \"Resource\": \"*\""));
        Statement many =
                onlyStatement(
                        policyWithStatement(
                                "\"Action\": \"*\", \"Resource\": [\"arn:aws:s3:::a\","
                                        + " \"arn:aws:s3:::b/*\"]"));

        assertThat(texts(single.resource().orElseThrow().patterns())).containsExactly("*");
        assertThat(texts(many.resource().orElseThrow().patterns()))
                .containsExactly("arn:aws:s3:::a", "arn:aws:s3:::b/*");
    }

    @Test
    void notResourceIsANegatedResourceElement() {
        ResourceElement resource =
                onlyStatement(
                                policyWithStatement(
                                        "\"Action\": \"*\", \"NotResource\":"
                                                + " \"arn:aws:iam::*:user/admin\""))
                        .resource()
                        .orElseThrow();

        assertThat(resource.negated()).isTrue();
        assertThat(resource.elementName()).isEqualTo("NotResource");
    }

    @Test
    void resourceMayBeAbsentForResourceBasedPolicies() {
        Statement statement =
                onlyStatement(
                        policyWithStatement(
                                "\"Principal\": \"*\", \"Action\": \"sts:AssumeRole\""));

        assertThat(statement.resource()).isEmpty();
    }

    @Test
    void resourceArnsMayUseAWildcardForMissingParts() {
        Statement statement =
                onlyStatement(
                        policyWithStatement(
                                """
                                "Action": "*", "Resource": [
                                  "arn:aws:iam:*:user/alice",
                                  "arn:aws:ec2:us-east-1*:instance/*",
                                  "arn:*",
                                  "arn:aws:s3:::bucket/key:with:colons",
                                  "arn:aws:iam::123456789012:user/${aws:username}"
                                ]\
                                """));

        assertThat(statement.resource().orElseThrow().patterns()).hasSize(5);
    }

    @Test
    void versionIsOptional() {
        Policy policy =
                PolicyParser.parse("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}");

        assertThat(policy.version()).isEqualTo(PolicyVersion.UNSPECIFIED);
    }

    @Test
    void version2008IsAccepted() {
        Policy policy =
                PolicyParser.parse(
                        "{\"Version\": \"2008-10-17\", \"Statement\": {\"Effect\": \"Allow\","
                                + " \"Action\": \"*\"}}");

        assertThat(policy.version()).isEqualTo(PolicyVersion.V2008_10_17);
    }

    @Test
    void idAndSidAreKeptAsWritten() {
        Policy policy =
                PolicyParser.parse(
                        """
                        {"Id": "policy-1", "Statement": {"Sid": "", "Effect": "Allow", "Action": "*"}}
                        """);

        assertThat(policy.id()).contains("policy-1");
        assertThat(policy.statements().get(0).sid()).contains("");
        assertThat(policy.statements().get(0).displayName()).isEqualTo("#0");
    }

    @Test
    void sidsNeedNotBeAlphanumericOrUniqueOutsideIam() {
        // User Guide, policy grammar (sid_string): "some services allow additional characters such
        // as spaces in the Sid value"; uniqueness is IAM's rule ("In IAM, the Sid value must be
        // unique within a JSON policy"), left to the validator, not a reason to refuse evaluating.
        Policy policy =
                PolicyParser.parse(
                        """
                        {"Version": "2012-10-17", "Statement": [
                          {"Sid": "read it all", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                          {"Sid": "read it all", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}
                        ]}
                        """);

        assertThat(policy.statements()).extracting(Statement::sid)
                .containsExactly(java.util.Optional.of("read it all"), java.util.Optional.of("read it all"));
        assertThat(policy.statements()).extracting(Statement::effect).containsExactly(Effect.ALLOW, Effect.DENY);
    }

    @Test
    void elementOrderIsFree() {
        Policy policy =
                PolicyParser.parse(
                        """
                        {
                          "Statement": [{"Resource": "*", "Action": "s3:*", "Sid": "S", "Effect": "Deny"}],
                          "Id": "x",
                          "Version": "2012-10-17"
                        }
                        """);

        assertThat(policy.version()).isEqualTo(PolicyVersion.V2012_10_17);
        assertThat(policy.statements().get(0).effect()).isEqualTo(Effect.DENY);
    }

    @Test
    void jsonEscapesAreDecoded() {
        Statement statement =
                onlyStatement(policyWithStatement("\"Action\": \"s3:\\u0047et\\u002A\""));

        assertThat(statement.action().patterns().get(0).text()).isEqualTo("s3:Get*");
    }

    @Test
    void linesCountCarriageReturnLineFeedAndColumnsCountTabsAsOne() {
        String json =
                "{\r\n"
                        + "\t\"Statement\": {\r\n"
                        + "\t\t\"Effect\": \"Allow\",\r\n"
                        + "\t\t\"Action\": \"*\"\r\n"
                        + "\t}\r\n"
                        + "}";

        Statement statement = PolicyParser.parse(json).statements().get(0);

        assertThat(statement.action().location())
                .isEqualTo(new SourceLocation("/Statement/Action", 4, 13));
    }

    @Test
    void sameKeyInDifferentObjectsIsNoDuplicate() {
        Policy policy =
                PolicyParser.parse(
                        """
                        {"Statement": [{"Effect": "Allow", "Action": "*"}, {"Effect": "Deny", "Action": "*"}]}
                        """);

        assertThat(policy.statements()).hasSize(2);
    }

    @Test
    void readerInputParsesLikeStringInput() {
        Policy fromReader = PolicyParser.parse(new StringReader(MINIMAL), "read.json");

        assertThat(fromReader).isEqualTo(PolicyParser.parse(MINIMAL, "read.json"));
    }

    @Test
    void parserWithLimitsReportsThemAndParses() {
        PolicyParser.Limits limits = new PolicyParser.Limits(4096, 8);
        PolicyParser parser = PolicyParser.withLimits(limits);

        assertThat(parser.limits()).isEqualTo(limits);
        assertThat(parser.read(MINIMAL, "x")).isEqualTo(PolicyParser.parse(MINIMAL, "x"));
        assertThat(PolicyParser.withLimits(PolicyParser.Limits.DEFAULT).limits())
                .isEqualTo(PolicyParser.Limits.DEFAULT);
    }

    @Test
    void limitsMustBeSensible() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PolicyParser.Limits(0, 64));
        assertThatIllegalArgumentException().isThrownBy(() -> new PolicyParser.Limits(100, 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PolicyParser.Limits(100, PolicyParser.MAX_NESTING_DEPTH + 1));
    }
}
