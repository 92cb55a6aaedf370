package dev.iamgate.policy;

import static dev.iamgate.policy.ParseAssertions.policyWithStatement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The forms of {@code Principal} and {@code Condition} the parser accepts. */
class PolicyParserPrincipalAndConditionTest {

    private static List<String> texts(List<TextValue> values) {
        return values.stream().map(TextValue::text).toList();
    }

    private static Statement onlyStatement(String json) {
        Policy policy = PolicyParser.parse(json);
        assertThat(policy.statements()).hasSize(1);
        return policy.statements().get(0);
    }

    @Test
    void principalStarMeansAnyone() {
        PrincipalElement principal =
                onlyStatement(
                                policyWithStatement(
                                        """
                                        "Principal": "*", "Action": "s3:GetObject\"\
                                        """))
                        .principal()
                        .orElseThrow();

        assertThat(principal.negated()).isFalse();
        assertThat(principal.principals())
                .singleElement()
                .satisfies(
                        id -> {
                            assertThat(id.type()).isEqualTo(PrincipalType.ANYONE);
                            assertThat(id.value().text()).isEqualTo("*");
                            assertThat(id.value().location().pointer())
                                    .isEqualTo("/Statement/Principal");
                        });
    }

    @Test
    void awsStarStaysAnAwsPrincipal() {
        PrincipalElement principal =
                onlyStatement(
                                policyWithStatement(
                                        """
                                        "Principal": {"AWS": "*"}, "Action": "s3:GetObject\"\
                                        """))
                        .principal()
                        .orElseThrow();

        assertThat(principal.principals())
                .singleElement()
                .satisfies(
                        id -> {
                            assertThat(id.type()).isEqualTo(PrincipalType.AWS);
                            assertThat(id.value().text()).isEqualTo("*");
                        });
    }

    @Test
    void principalMapTakesEveryTypeAsStringOrArray() {
        Statement statement =
                onlyStatement(
                        """
                        {"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {
                          "AWS": ["123456789012", "arn:aws:iam::123456789012:role/Admin"],
                          "Service": "ec2.amazonaws.com",
                          "Federated": ["cognito-identity.amazonaws.com"],
                          "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
                        }}}
                        """);

        List<PrincipalId> principals = statement.principal().orElseThrow().principals();
        assertThat(principals)
                .extracting(PrincipalId::type)
                .containsExactly(
                        PrincipalType.AWS,
                        PrincipalType.AWS,
                        PrincipalType.SERVICE,
                        PrincipalType.FEDERATED,
                        PrincipalType.CANONICAL_USER);
        assertThat(principals.get(1).value())
                .isEqualTo(
                        new TextValue(
                                "arn:aws:iam::123456789012:role/Admin",
                                new SourceLocation("/Statement/Principal/AWS/1", 2, 27)));
        assertThat(principals.get(2).value().location())
                .isEqualTo(new SourceLocation("/Statement/Principal/Service", 3, 14));
    }

    @Test
    void notPrincipalIsANegatedPrincipalElement() {
        PrincipalElement principal =
                onlyStatement(
                                policyWithStatement(
                                        """
                                        "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "*\"\
                                        """))
                        .principal()
                        .orElseThrow();

        assertThat(principal.negated()).isTrue();
        assertThat(principal.elementName()).isEqualTo("NotPrincipal");
    }

    @Test
    void conditionsKeepOperatorKeyValuesAndLocations() {
        Statement statement =
                onlyStatement(
                        """
                        {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {
                          "StringEquals": {"aws:username": "alice", "aws:PrincipalTag/team": ["a", "b"]},
                          "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": "env*"}
                        }}}
                        """);

        List<Condition> conditions = statement.conditions();
        assertThat(conditions).hasSize(3);
        Condition first = conditions.get(0);
        assertThat(first.operator().type()).isEqualTo(OperatorType.STRING_EQUALS);
        assertThat(first.key().text()).isEqualTo("aws:username");
        assertThat(first.location())
                .isEqualTo(
                        new SourceLocation("/Statement/Condition/StringEquals/aws:username", 2, 20))
                .isEqualTo(first.key().location());
        assertThat(first.values())
                .containsExactly(
                        new TextValue(
                                "alice",
                                new SourceLocation(
                                        "/Statement/Condition/StringEquals/aws:username", 2, 36)));

        Condition tag = conditions.get(1);
        // a '/' in a key is escaped in the pointer
        assertThat(tag.location().pointer())
                .isEqualTo("/Statement/Condition/StringEquals/aws:PrincipalTag~1team");
        assertThat(texts(tag.values())).containsExactly("a", "b");
        assertThat(tag.values().get(1).location().pointer())
                .isEqualTo("/Statement/Condition/StringEquals/aws:PrincipalTag~1team/1");

        ConditionOperator operator = conditions.get(2).operator();
        assertThat(operator.qualifier()).isEqualTo(SetQualifier.FOR_ANY_VALUE);
        assertThat(operator.type()).isEqualTo(OperatorType.STRING_LIKE);
        assertThat(operator.ifExists()).isTrue();
    }

    @Test
    void conditionNumbersAndBooleansKeepTheirJsonText() {
        Statement statement =
                onlyStatement(
                        policyWithStatement(
                                """
                                "Action": "*", "Condition": {
                                  "NumericLessThan": {"s3:max-keys": 10, "aws:MultiFactorAuthAge": [3600, 1.5e3, -0]},
                                  "Bool": {"aws:SecureTransport": true, "aws:ViaAWSService": [false, "true"]}
                                }\
                                """));

        assertThat(statement.conditions())
                .extracting(condition -> texts(condition.values()))
                .containsExactly(
                        List.of("10"),
                        List.of("3600", "1.5e3", "-0"),
                        List.of("true"),
                        List.of("false", "true"));
    }

    @Test
    void emptyConditionBlocksAndValueArraysAreAccepted() {
        Statement empty =
                onlyStatement(policyWithStatement("\"Action\": \"*\", \"Condition\": {}"));
        Statement emptyOperator =
                onlyStatement(
                        policyWithStatement("\"Action\": \"*\", \"Condition\": {\"Null\": {}}"));
        Statement emptyValues =
                onlyStatement(
                        policyWithStatement(
                                "\"Action\": \"*\", \"Condition\": {\"StringEquals\":"
                                        + " {\"aws:username\": []}}"));

        assertThat(empty.conditions()).isEmpty();
        assertThat(emptyOperator.conditions()).isEmpty();
        assertThat(emptyValues.conditions())
                .singleElement()
                .satisfies(condition -> assertThat(condition.values()).isEmpty());
    }

    @Test
    void pointerEscapesTildeAndSlash() {
        Statement statement =
                onlyStatement(
                        policyWithStatement(
                                "\"Action\": \"*\", \"Condition\": {\"StringEquals\": {\"a~b/c\":"
                                        + " \"v\"}}"));

        assertThat(statement.conditions().get(0).location().pointer())
                .isEqualTo("/Statement/Condition/StringEquals/a~0b~1c");
        assertThat(statement.conditions().get(0).key().text()).isEqualTo("a~b/c");
    }
}
