package dev.iamgate.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PolicySet#referencedKeys()}: which request keys a policy set can read, by element. */
class ReferencedKeysTest {

    private static Policy policy(String version, String statementBody) {
        String versionMember = version == null ? "" : "\"Version\":\"" + version + "\",";
        return PolicyParser.parse("{" + versionMember + "\"Statement\":{\"Effect\":\"Allow\"," + statementBody + "}}");
    }

    private static Policy identity(String statementBody) {
        return policy("2012-10-17", "\"Action\":\"s3:GetObject\"," + statementBody);
    }

    private static Policy withCondition(String operator, String key, String value) {
        return identity("\"Resource\":\"*\",\"Condition\":{\"" + operator + "\":{\"" + key + "\":\"" + value + "\"}}");
    }

    @Test
    void everyOperatorReferencesItsConditionKey() {
        List<String[]> cases = List.of(
                new String[] {"StringEquals", "s3:prefix", "home/"},
                new String[] {"ForAnyValue:StringLike", "aws:TagKeys", "env*"},
                new String[] {"ForAllValues:StringEquals", "aws:CalledVia", "athena.amazonaws.com"},
                new String[] {"NumericLessThanIfExists", "aws:MultiFactorAuthAge", "3600"},
                new String[] {"Null", "aws:TokenIssueTime", "true"},
                new String[] {"DateGreaterThan", "aws:CurrentTime", "2026-01-01T00:00:00Z"},
                new String[] {"NotIpAddress", "aws:SourceIp", "10.0.0.0/8"},
                new String[] {"BinaryEquals", "myapp:Blob", "QmluYXJ5"},
                new String[] {"ArnNotLike", "aws:PrincipalArn", "arn:aws:iam::*:role/admin"},
                new String[] {"BoolIfExists", "aws:SecureTransport", "true"});
        for (String[] c : cases) {
            PolicySet set = PolicySet.ofIdentityPolicies(withCondition(c[0], c[1], c[2]));
            assertThat(set.referencedKeys()).as(c[0]).containsExactly(c[1].toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void keyNamesAreReferencedLowerCasedAndMatchedCaseInsensitively() {
        PolicySet set = PolicySet.ofIdentityPolicies(withCondition("Bool", "AWS:MultiFactorAuthPresent", "true"));

        assertThat(set.referencedKeys()).containsExactly("aws:multifactorauthpresent");
        assertThat(set.referencesKey(RequestContext.KeyName.of("aws:multifactorAUTHpresent"))).isTrue();
        assertThat(set.referencesKey(RequestContext.KeyName.of("aws:MultiFactorAuthAge"))).isFalse();
    }

    @Test
    void aTagKeyIsReferencedByItsFullNameOnly() {
        PolicySet set = PolicySet.ofIdentityPolicies(withCondition("StringEquals", "aws:PrincipalTag/Team", "blue"));

        assertThat(set.referencedKeys()).containsExactly("aws:principaltag/team");
        assertThat(set.referencesKey(RequestContext.KeyName.of("aws:PrincipalTag/cost-center"))).isFalse();
    }

    @Test
    void variablesInResourceAndNotResourceAreReferenced() {
        PolicySet set = PolicySet.ofIdentityPolicies(
                identity("\"Resource\":\"arn:aws:s3:::bucket/${aws:username}/*\""),
                identity("\"NotResource\":[\"arn:aws:s3:::bucket/${aws:PrincipalTag/Team, 'none'}/*\"]"));

        assertThat(set.referencedKeys()).containsExactlyInAnyOrder("aws:username", "aws:principaltag/team");
    }

    @Test
    void variablesBeforeTheResourcePartOfAnArnAreTextNotVariables() {
        PolicySet set = PolicySet.ofIdentityPolicies(
                identity("\"Resource\":\"arn:aws:ec2:${aws:RequestedRegion}:123456789012:instance/${ec2:InstanceId}\""));

        assertThat(set.referencedKeys()).containsExactly("ec2:instanceid");
    }

    @Test
    void variablesInStringBoolAndArnConditionValuesAreReferenced() {
        PolicySet set = PolicySet.ofIdentityPolicies(
                withCondition("StringLike", "s3:prefix", "home/${aws:username}/*"),
                withCondition("Bool", "myapp:Flag", "${myapp:Expected}"),
                withCondition("ArnEquals", "aws:SourceArn", "arn:aws:sns:*:${aws:PrincipalAccount}:topic"));

        assertThat(set.referencedKeys()).containsExactlyInAnyOrder("s3:prefix", "aws:username", "myapp:flag",
                "myapp:expected", "aws:sourcearn", "aws:principalaccount");
    }

    @Test
    void valuesOfOperatorsThatDoNotSubstituteVariablesReferenceNoVariable() {
        PolicySet set = PolicySet.ofIdentityPolicies(
                withCondition("NumericEquals", "myapp:Count", "${myapp:Limit}"),
                withCondition("IpAddress", "aws:SourceIp", "${myapp:Network}"));

        assertThat(set.referencedKeys()).containsExactlyInAnyOrder("myapp:count", "aws:sourceip");
    }

    @Test
    void escapesAndPoliciesWithoutVersion2012ReferenceNoVariable() {
        PolicySet set = PolicySet.ofIdentityPolicies(
                identity("\"Resource\":\"arn:aws:s3:::bucket/${*}/${?}/${$}\""),
                policy(null, "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/${aws:username}\""),
                policy("2008-10-17", "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/${aws:userid}\""));

        assertThat(set.referencedKeys()).isEmpty();
    }

    @Test
    void principalAndActionReferenceNoKey() {
        PolicySet set = PolicySet.builder().resource(policy("2012-10-17",
                "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:user/alice\"},\"Action\":\"s3:*\","
                        + "\"Resource\":\"arn:aws:s3:::bucket/*\"")).build();

        assertThat(set.referencedKeys()).isEmpty();
    }

    @Test
    void everyKindOfPolicyContributesItsKeys() {
        PolicySet set = PolicySet.builder()
                .identity(withCondition("StringEquals", "k:identity", "x"))
                .resource(policy("2012-10-17", "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"StringEquals\":{\"k:resource\":\"x\"}}"))
                .permissionsBoundary(withCondition("StringEquals", "k:boundary", "x"))
                .sessionPolicies(List.of(withCondition("StringEquals", "k:session", "x")))
                .serviceControlLevel(List.of(withCondition("StringEquals", "k:scp", "x")))
                .resourceControlLevel(List.of(withCondition("StringEquals", "k:rcp", "x")))
                .build();

        assertThat(set.referencedKeys()).containsExactlyInAnyOrder("k:identity", "k:resource", "k:boundary",
                "k:session", "k:scp", "k:rcp");
    }

    @Test
    void theReferencedKeysCannotBeChanged() {
        PolicySet set = PolicySet.ofIdentityPolicies(withCondition("StringEquals", "s3:prefix", "home/"));

        assertThatThrownBy(() -> set.referencedKeys().add("aws:sourceip"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
