package dev.iamgate.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import dev.iamgate.properties.Cases.Req;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the semantics brief, put to the {@link ReferenceEvaluator} and to the
 * compiled {@link PolicySet} alike: the oracle of the properties is checked against the brief
 * itself before it judges the evaluator.
 */
class SemanticsBriefExamplesTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String ROLE_SESSION = "arn:aws:sts::111122223333:assumed-role/Builder/alice";

    private static Policy policy(String version, String statementsJson) {
        String versionMember = version.isEmpty() ? "" : "\"Version\":\"" + version + "\",";
        return PolicyParser.parse("{" + versionMember + "\"Statement\":[" + statementsJson + "]}");
    }

    private static Policy policy(String statementsJson) {
        return policy("2012-10-17", statementsJson);
    }

    private static Policy allow(String action, String resource) {
        return policy("{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}");
    }

    /** An Allow on everything under one condition. */
    private static Policy allowIf(String operator, String key, String valuesJson) {
        return policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"" + operator + "\":{\""
                + key + "\":" + valuesJson + "}}}");
    }

    private static Req request(String principal, String action, String resource, Object... keyValues) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            @SuppressWarnings("unchecked")
            List<String> values = value instanceof List<?> list ? (List<String>) list : List.of((String) value);
            keys.put((String) keyValues[i], values);
        }
        return new Req(principal, action, resource, keys);
    }

    private static Req onResource(String resource, Object... keyValues) {
        return request(ALICE, "s3:GetObject", resource, keyValues);
    }

    private static Req withKeys(Object... keyValues) {
        return request(ALICE, "s3:GetObject", "*", keyValues);
    }

    private static void decides(ReferenceEvaluator.Layers layers, PolicySet set, Req request, Outcome expected) {
        assertThat(ReferenceEvaluator.decide(layers, request.reference()).outcome()).as("reference on %s", request)
                .isEqualTo(expected);
        assertThat(set.evaluate(request.context()).outcome()).as("evaluator on %s", request).isEqualTo(expected);
    }

    private static void decides(Policy identity, Req request, Outcome expected) {
        decides(new ReferenceEvaluator.Layers(List.of(identity), List.of(), List.of()), PolicySet.ofIdentityPolicies(identity),
                request, expected);
    }

    private static void allows(Policy identity, Req request) {
        decides(identity, request, Outcome.ALLOW);
    }

    private static void doesNotAllow(Policy identity, Req request) {
        decides(identity, request, Outcome.IMPLICIT_DENY);
    }

    @Test
    void actionsMatchWithoutCase() {
        allows(allow("IAM:listaccesskeys", "*"), request(ALICE, "iam:ListAccessKeys", "*"));
        allows(allow("iam:List*", "*"), request(ALICE, "IAM:LISTUSERS", "*"));
        allows(allow("iam:Get?ser", "*"), request(ALICE, "iam:GetUser", "*"));
        doesNotAllow(allow("iam:Get?ser", "*"), request(ALICE, "iam:GetUsers", "*"));
    }

    @Test
    void resourceStarsCrossSlashesWithinTheResourcePart() {
        Policy policy = allow("*", "arn:aws:s3:::bucket/*/test/*");
        allows(policy, onResource("arn:aws:s3:::bucket/1/2/test/3/x.jpg"));
        allows(policy, onResource("arn:aws:s3:::bucket//test/x.jpg"));
        doesNotAllow(policy, onResource("arn:aws:s3:::bucket/test/x.jpg"));
        allows(allow("*", "*"), onResource("*"));
        allows(allow("*", "arn:aws:s3:::logs/*"), onResource("arn:aws:s3:::logs/a:b/c"));
    }

    @Test
    void aStarEndingAnArnSegmentMayCoverColonsAndNoOtherDoes() {
        allows(allow("*", "arn:aws:ec2:*:instance/i-1"), onResource("arn:aws:ec2:us-east-1:111122223333:instance/i-1"));
        // An anonymous caller, so that the odd account field ("1") does not make these cross-account.
        Req colonInRegion = request("", "ec2:RunInstances", "arn:aws:ec2:us:1:111122223333:instance/i-1");
        allows(allow("*", "arn:aws:ec2:us*:111122223333:instance/i-1"), colonInRegion);
        doesNotAllow(allow("*", "arn:aws:ec2:us*1:111122223333:instance/i-1"), colonInRegion);
        allows(allow("*", "arn:aws:ec2:us*1:111122223333:instance/i-1"),
                onResource("arn:aws:ec2:us-east-1:111122223333:instance/i-1"));
        doesNotAllow(allow("*", "arn:aws:ec2:us-east-?:111122223333:instance/i-1"),
                onResource("arn:aws:ec2:us-east:111122223333:instance/i-1"));
        doesNotAllow(allow("*", "arn:aws:iam::111122223333:user/Alice"), onResource(ALICE));
    }

    @Test
    void arnLikeMatchesPartByPartWhereStringLikeSeesOneString() {
        String value = "arn:aws:svc:us-east-2:999999999999:store/abc:111122223333:finance/d.txt";
        String pattern = "\"arn:aws:svc:*:111122223333:finance/*\"";
        doesNotAllow(allowIf("ArnLike", "aws:SourceArn", pattern), withKeys("aws:SourceArn", value));
        allows(allowIf("StringLike", "aws:SourceArn", pattern), withKeys("aws:SourceArn", value));
    }

    @Test
    void negatedOperatorsWithSeveralValuesMeanNoneOfThem() {
        Policy neither = allowIf("StringNotEquals", "aws:PrincipalAccount", "[\"111\",\"222\"]");
        doesNotAllow(neither, withKeys("aws:PrincipalAccount", "111"));
        doesNotAllow(neither, withKeys("aws:PrincipalAccount", "222"));
        allows(neither, withKeys("aws:PrincipalAccount", "333"));
        allows(neither, withKeys());
    }

    @Test
    void setOperatorsFollowTheTruthTable() {
        List<List<String>> requestSets = List.of(List.of(), List.of("A"), List.of("A", "C"), List.of("C", "D"));
        Map<String, List<Boolean>> table = Map.of(
                "ForAllValues:StringEquals", List.of(true, true, false, false),
                "ForAnyValue:StringEquals", List.of(false, true, true, false),
                "ForAllValues:StringNotEquals", List.of(true, false, false, true),
                "ForAnyValue:StringNotEquals", List.of(false, false, true, true));
        table.forEach((operator, expected) -> {
            Policy policy = allowIf(operator, "aws:TagKeys", "[\"A\",\"B\"]");
            for (int i = 0; i < requestSets.size(); i++) {
                decides(policy, withKeys("aws:TagKeys", requestSets.get(i)), expected.get(i) ? Outcome.ALLOW : Outcome.IMPLICIT_DENY);
            }
        });
    }

    @Test
    void ifExistsHoldsForAnAbsentKeyAndPlainOperatorsDoNot() {
        Policy forceMfa = policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"NotAction\":\"iam:ListMFADevices\",\"Resource\":\"*\","
                + "\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}");
        decides(forceMfa, withKeys(), Outcome.EXPLICIT_DENY);
        decides(forceMfa, withKeys("aws:MultiFactorAuthPresent", "false"), Outcome.EXPLICIT_DENY);
        allows(forceMfa, withKeys("aws:MultiFactorAuthPresent", "TRUE"));
        allows(forceMfa, request(ALICE, "iam:ListMFADevices", "*"));
        Policy plain = policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":false}}}");
        allows(plain, withKeys());
        decides(plain, withKeys("aws:multifactorauthpresent", "false"), Outcome.EXPLICIT_DENY);
    }

    @Test
    void numbersDatesAndAddressesCompareAsValues() {
        allows(allowIf("NumericLessThan", "aws:MultiFactorAuthAge", "3600"), withKeys("aws:MultiFactorAuthAge", "300"));
        allows(allowIf("NumericEquals", "aws:MultiFactorAuthAge", "3600.0"), withKeys("aws:MultiFactorAuthAge", "3600"));
        doesNotAllow(allowIf("NumericLessThan", "aws:MultiFactorAuthAge", "\"abc\""), withKeys("aws:MultiFactorAuthAge", "1"));
        allows(allowIf("DateEquals", "aws:CurrentTime", "\"2024-06\""), withKeys("aws:CurrentTime", "2024-06-01T00:00:00Z"));
        allows(allowIf("DateEquals", "aws:CurrentTime", "\"1718452800\""), withKeys("aws:CurrentTime", "2024-06-15T12:00:00Z"));
        allows(allowIf("DateLessThan", "aws:CurrentTime", "\"2024-06-15T14:00:00+02:00\""),
                withKeys("aws:CurrentTime", "2024-06-15T11:59:59Z"));
        allows(allowIf("IpAddress", "aws:SourceIp", "\"203.0.113.0/24\""), withKeys("aws:SourceIp", "203.0.113.7"));
        allows(allowIf("IpAddress", "aws:SourceIp", "\"10.1.2.3/8\""), withKeys("aws:SourceIp", "10.200.0.1"));
        allows(allowIf("IpAddress", "aws:SourceIp", "\"2001:DB8:1234:5678::/64\""),
                withKeys("aws:SourceIp", "2001:db8:1234:5678::1"));
        doesNotAllow(allowIf("IpAddress", "aws:SourceIp", "\"203.0.113.0/24\""), withKeys("aws:SourceIp", "2001:db8::1"));
        allows(allowIf("NotIpAddress", "aws:SourceIp", "\"203.0.113.0/24\""), withKeys("aws:SourceIp", "2001:db8::1"));
        allows(allowIf("Null", "aws:TokenIssueTime", "\"true\""), withKeys());
        doesNotAllow(allowIf("Null", "aws:TokenIssueTime", "\"true\""), withKeys("aws:TokenIssueTime", "2024-06-15T12:00:00Z"));
    }

    @Test
    void policyVariablesScopeEachUserToItself() {
        Policy own = allow("iam:*", "arn:aws:iam::*:user/${aws:username}");
        allows(own, request(ALICE, "iam:GetUser", ALICE, "aws:username", "alice"));
        doesNotAllow(own, request(ALICE, "iam:GetUser", "arn:aws:iam::111122223333:user/bob", "aws:username", "alice"));
        doesNotAllow(own, request(ROLE_SESSION, "iam:GetUser", ALICE));
        allows(allow("*", "arn:aws:s3:::photos/${aws:username, 'guest'}/*"), onResource("arn:aws:s3:::photos/guest/a"));
        allows(allow("*", "arn:aws:s3:::photos/${aws:TagKeys, 'guest'}/*"),
                onResource("arn:aws:s3:::photos/guest/a", "aws:TagKeys", List.of("a", "b")));
    }

    @Test
    void substitutedTextAndEscapesAreLiteral() {
        Policy star = allow("*", "arn:aws:s3:::photos/${*}");
        allows(star, onResource("arn:aws:s3:::photos/*"));
        doesNotAllow(star, onResource("arn:aws:s3:::photos/a"));
        Policy own = allow("*", "arn:aws:s3:::photos/${aws:username}");
        allows(own, onResource("arn:aws:s3:::photos/a*", "aws:username", "a*"));
        doesNotAllow(own, onResource("arn:aws:s3:::photos/abc", "aws:username", "a*"));
        allows(allowIf("StringLike", "aws:userid", "\"${aws:username}:*\""), withKeys("aws:username", "a?", "aws:userid", "a?:x"));
        doesNotAllow(allowIf("StringLike", "aws:userid", "\"${aws:username}:*\""), withKeys("aws:username", "a?", "aws:userid", "ab:x"));
    }

    @Test
    void variablesAreLiteralTextOutsideVersion20121017() {
        for (String version : List.of("2008-10-17", "")) {
            Policy old = policy(version, "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::photos/${aws:username}\"}");
            doesNotAllow(old, onResource("arn:aws:s3:::photos/alice", "aws:username", "alice"));
            allows(old, onResource("arn:aws:s3:::photos/${aws:username}", "aws:username", "alice"));
        }
    }

    @Test
    void anUnresolvableVariableMatchesNothing() {
        Policy notResource = policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotResource\":\"arn:aws:s3:::photos/${aws:username}\"}");
        allows(notResource, onResource("arn:aws:s3:::photos/alice"));
        doesNotAllow(notResource, onResource("arn:aws:s3:::photos/alice", "aws:username", "alice"));
        doesNotAllow(allowIf("StringEquals", "aws:userid", "\"${aws:username}\""), withKeys("aws:userid", "x"));
        allows(allowIf("StringNotEquals", "aws:userid", "\"${aws:username}\""), withKeys("aws:userid", "x"));
    }

    @Test
    void notActionAndNotResourceGrantEverythingElse() {
        Policy allowElse = policy("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}");
        allows(allowElse, request(ALICE, "s3:GetObject", "*"));
        doesNotAllow(allowElse, request(ALICE, "iam:GetUser", "*"));
        Policy denyElse = policy("{\"Effect\":\"Deny\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}");
        decides(denyElse, request(ALICE, "s3:GetObject", "*"), Outcome.EXPLICIT_DENY);
        doesNotAllow(denyElse, request(ALICE, "iam:GetUser", "*"));
        Policy notResource = policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotResource\":\"arn:aws:s3:::secret/*\"}");
        allows(notResource, onResource("arn:aws:iam::111122223333:user/bob"));
        doesNotAllow(notResource, onResource("arn:aws:s3:::secret/x"));
    }

    @Test
    void scpsAndBoundariesLimitButNeverGrant() {
        Policy everything = allow("*", "*");
        Policy s3Only = allow("s3:*", "*");
        Policy denyGet = policy("{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");
        Req get = request(ALICE, "s3:GetObject", "*");
        Req getUser = request(ALICE, "iam:GetUser", "*");
        ReferenceEvaluator.Layers scp = new ReferenceEvaluator.Layers(List.of(everything), List.of(), List.of(List.of(s3Only)));
        PolicySet scpSet = PolicySet.builder().identity(everything).serviceControlLevel(List.of(s3Only)).build();
        decides(scp, scpSet, get, Outcome.ALLOW);
        decides(scp, scpSet, getUser, Outcome.IMPLICIT_DENY);
        ReferenceEvaluator.Layers bounded = new ReferenceEvaluator.Layers(List.of(s3Only), List.of(everything), List.of());
        decides(bounded, PolicySet.builder().identity(s3Only).permissionsBoundary(everything).build(), getUser,
                Outcome.IMPLICIT_DENY);
        ReferenceEvaluator.Layers denied = new ReferenceEvaluator.Layers(List.of(everything), List.of(denyGet), List.of());
        decides(denied, PolicySet.builder().identity(everything).permissionsBoundary(denyGet).build(), get,
                Outcome.EXPLICIT_DENY);
        decides(new ReferenceEvaluator.Layers(List.of(), List.of(everything), List.of(List.of(everything))),
                PolicySet.builder().permissionsBoundary(everything).serviceControlLevel(List.of(everything)).build(), get,
                Outcome.IMPLICIT_DENY);
    }

    @Test
    void aCrossAccountRequestNeedsTheResourceAccountsConsent() {
        doesNotAllow(allow("*", "*"), request(ALICE, "ec2:RunInstances", "arn:aws:ec2:us-east-1:444455556666:instance/i-1"));
        allows(allow("*", "*"), request(ALICE, "ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/i-1"));
        allows(allow("*", "*"), request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/x"));
    }
}
