package dev.iamgate.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link PolicySet#explain} tells a person about a decision: every statement whose action
 * matched, in document order, with what matched and which conditions failed on which request values.
 */
class ExplanationTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String OBJECT = "arn:aws:s3:::bucket/home/alice/a.txt";

    private static RequestContext get(String... keyValue) {
        RequestContext.Builder builder = RequestContext.builder().principal(ALICE).action("s3:GetObject").resource(OBJECT);
        for (int i = 0; i < keyValue.length; i += 2) {
            builder.addValue(keyValue[i], keyValue[i + 1]);
        }
        return builder.build();
    }

    @Test
    void statementsWhoseActionMatchedAreListedInDocumentOrderAcrossIndexBuckets() {
        // Filed under the exact action, the service and the global bucket, with a Deny in between.
        Policy first = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"Star","Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::other/*"},
                 {"Sid":"Exact","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
                 {"Sid":"Unrelated","Effect":"Allow","Action":"iam:GetUser","Resource":"*"},
                 {"Sid":"Service","Effect":"Deny","Action":"s3:Get*","Resource":"*",
                  "Condition":{"StringEquals":{"aws:PrincipalTag/team":"red"}}}]}""");
        Policy second = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":{"Sid":"Second","Effect":"Allow","NotAction":"iam:*","Resource":"*"}}""");
        Decision decision = PolicySet.ofIdentityPolicies(first, second).explain(get("aws:PrincipalTag/team", "blue"));

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        Explanation why = decision.explanation().orElseThrow();
        assertThat(why.considered()).extracting(t -> t.statement().displayName())
                .containsExactly("Star", "Exact", "Service", "Second");
        assertThat(why.considered()).extracting(StatementTrace::applies).containsExactly(false, true, false, true);
        assertThat(why.considered()).extracting(StatementTrace::resourceMatched).containsExactly(false, true, true, true);
        assertThat(why.deciding()).extracting(StatementRef::displayName).containsExactly("Exact", "Second");
        assertThat(why.decidingType()).isEqualTo(PolicyType.IDENTITY);
    }

    @Test
    void aFailedConditionIsShownWithTheRequestValuesItSaw() {
        Policy policy = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                 "Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team"]},
                              "Bool":{"aws:MultiFactorAuthPresent":"true"}}}}""");
        Decision decision = PolicySet.ofIdentityPolicies(policy)
                .explain(get("aws:TagKeys", "team", "aws:TagKeys", "cost"));

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        StatementTrace trace = decision.explanation().orElseThrow().considered().get(0);
        assertThat(trace.applies()).isFalse();
        assertThat(trace.resourceMatched()).isTrue();
        assertThat(trace.principalMatched()).isTrue();
        assertThat(trace.conditions()).extracting(ConditionTrace::satisfied).containsExactly(false, false);
        assertThat(trace.conditions()).extracting(ConditionTrace::requestValues)
                .containsExactly(List.of("team", "cost"), List.of());
        assertThat(trace.failedConditions()).extracting(c -> c.condition().key().text())
                .containsExactly("aws:TagKeys", "aws:MultiFactorAuthPresent");
        assertThat(decision.explanation().orElseThrow().deciding()).isEmpty();
    }

    @Test
    void aStatementAppliesOnlyWhenEveryConditionHolds() {
        Policy policy = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                 "Condition":{"StringEquals":{"s3:prefix":"home/"},"Bool":{"aws:SecureTransport":"true"}}}}""");
        PolicySet set = PolicySet.ofIdentityPolicies(policy);

        StatementTrace oneFails = set.explain(get("s3:prefix", "home/", "aws:SecureTransport", "false"))
                .explanation().orElseThrow().considered().get(0);
        assertThat(oneFails.conditions()).extracting(ConditionTrace::satisfied).containsExactly(true, false);
        assertThat(oneFails.failedConditions()).hasSize(1);
        assertThat(oneFails.applies()).isFalse();

        StatementTrace allHold = set.explain(get("s3:prefix", "home/", "aws:SecureTransport", "true"))
                .explanation().orElseThrow().considered().get(0);
        assertThat(allHold.failedConditions()).isEmpty();
        assertThat(allHold.applies()).isTrue();
    }

    @Test
    void aResourcePolicyStatementNamingSomeoneElseIsShownAsNotMatchingThePrincipal() {
        Policy bucketPolicy = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"s3:GetObject","Resource":"*"}}""");
        Decision decision = PolicySet.builder().resource(bucketPolicy).build().explain(get());
        StatementTrace trace = decision.explanation().orElseThrow().considered().get(0);
        assertThat(trace.principalMatched()).isFalse();
        assertThat(trace.resourceMatched()).isTrue();
        assertThat(trace.applies()).isFalse();
        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aNotPrincipalDenyIsShownAsApplyingToACallerWithABoundary() {
        Policy bucketPolicy = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":{"Sid":"OnlyAlice","Effect":"Deny",
                 "NotPrincipal":{"AWS":"%s"},"Action":"s3:*","Resource":"*"}}""".formatted(ALICE));
        Policy everything = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}""");

        Decision withoutBoundary = PolicySet.builder().resource(bucketPolicy).identity(everything).build().explain(get());
        assertThat(withoutBoundary.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(withoutBoundary.explanation().orElseThrow().considered().get(0).principalMatched()).isFalse();

        Decision withBoundary = PolicySet.builder().resource(bucketPolicy).identity(everything)
                .permissionsBoundary(everything).build().explain(get());
        assertThat(withBoundary.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        Explanation why = withBoundary.explanation().orElseThrow();
        assertThat(why.considered().get(0).principalMatched()).isTrue();
        assertThat(why.deciding()).extracting(StatementRef::displayName).containsExactly("OnlyAlice");
        assertThat(why.decidingType()).isEqualTo(PolicyType.RESOURCE);
    }

    @Test
    void statementCountCoversEveryKindOfPolicy() {
        Policy two = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
                 {"Effect":"Deny","Action":"iam:*","Resource":"*"}]}""");
        PolicySet set = PolicySet.builder().identity(two).resource(two).permissionsBoundary(two)
                .sessionPolicies(List.of(two)).serviceControlLevel(List.of(two, two)).resourceControlLevel(List.of(two))
                .build();
        assertThat(set.statementCount()).isEqualTo(14);
        assertThat(PolicySet.builder().build().statementCount()).isZero();
    }

    @Test
    void conditionsAreReportedAsWrittenWithTheirSourceLocations() {
        Policy policy = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                  "Condition":{"StringEquals":{"aws:PrincipalTag/team":["red","blue"]},
                               "NumericLessThan":{"s3:max-keys":10}}}]}""");
        Decision decision = PolicySet.ofIdentityPolicies(policy).explain(get("aws:PrincipalTag/team", "red"));

        StatementTrace trace = decision.explanation().orElseThrow().considered().get(0);
        assertThat(trace.conditions()).extracting(ConditionTrace::condition)
                .isEqualTo(policy.statements().get(0).conditions());
        assertThat(trace.conditions().get(0).condition().values()).extracting(v -> v.location().toString())
                .containsExactly("3:57 (/Statement/0/Condition/StringEquals/aws:PrincipalTag~1team/0)",
                        "3:63 (/Statement/0/Condition/StringEquals/aws:PrincipalTag~1team/1)");
    }
}
