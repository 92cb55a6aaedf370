package dev.iamgate.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The decision flow across policy types, as the AWS IAM User Guide documents it (policy evaluation logic). */
class DecisionLogicTest {

    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final String BUCKET_OBJECT = "arn:aws:s3:::example-bucket/shared/doc.txt";
    private static final String ROLE_SESSION = "arn:aws:sts::123456789012:assumed-role/Builder/session-1";

    static Policy allow(String action, String resource) {
        return PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"%s","Resource":"%s"}}"""
                .formatted(action, resource));
    }

    static Policy deny(String action, String resource) {
        return PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":{"Sid":"NoWay","Effect":"Deny","Action":"%s","Resource":"%s"}}"""
                .formatted(action, resource));
    }

    static Policy resourcePolicy(String effect, String principalJson, String action) {
        return PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"%s","%s,"Action":"%s","Resource":"arn:aws:s3:::example-bucket/*"}}"""
                .formatted(effect, principalJson, action));
    }

    static RequestContext request(String principal, String action) {
        return RequestContext.builder().principal(principal).action(action).resource(BUCKET_OBJECT).build();
    }

    static Outcome outcome(PolicySet set, RequestContext request) {
        return set.evaluate(request).outcome();
    }

    @Test
    void nothingAllowsMeansImplicitDeny() {
        PolicySet set = PolicySet.builder().build();
        assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void identityAllowGrants() {
        PolicySet set = PolicySet.ofIdentityPolicies(allow("s3:GetObject", "*"));
        assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void explicitDenyInAnyPolicyWins() {
        Policy everything = allow("*", "*");
        Policy denyGet = deny("s3:GetObject", "*");
        RequestContext get = request(ALICE, "s3:GetObject");
        assertThat(outcome(PolicySet.builder().identity(everything, denyGet).build(), get)).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(outcome(PolicySet.builder().identity(everything).permissionsBoundary(everything, denyGet).build(), get))
                .isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(outcome(PolicySet.builder().identity(everything).serviceControlLevel(List.of(everything, denyGet)).build(), get))
                .isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(outcome(PolicySet.builder().identity(everything)
                .resource(resourcePolicy("Deny", "Principal\":\"*\"", "s3:GetObject")).build(), get))
                .isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void explicitDenyWinsEvenWhereAnScpDoesNotAllow() {
        PolicySet set = PolicySet.builder().identity(deny("s3:GetObject", "*"))
                .serviceControlLevel(List.of(allow("iam:*", "*"))).build();
        assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void scpsGrantNothingByThemselves() {
        PolicySet set = PolicySet.builder().serviceControlLevel(List.of(allow("*", "*"))).build();
        assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void everyScpLevelMustAllow() {
        PolicySet set = PolicySet.builder().identity(allow("*", "*"))
                .serviceControlLevel(List.of(allow("*", "*")))
                .serviceControlLevel(List.of(allow("iam:*", "*")))
                .build();
        assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(set.explain(request(ALICE, "s3:GetObject")).explanation().orElseThrow().decidingType())
                .isEqualTo(PolicyType.SERVICE_CONTROL);
    }

    /** RCPs cap like SCPs: every level must allow the action, or the request is implicitly denied. */
    @Test
    void everyRcpLevelMustAllow() {
        PolicySet set = PolicySet.builder().identity(allow("*", "*"))
                .resourceControlLevel(List.of(allow("*", "*")))
                .resourceControlLevel(List.of(allow("iam:*", "*")))
                .build();
        Decision decision = set.evaluate(request(ALICE, "s3:GetObject"));
        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.decidingType()).isEqualTo(PolicyType.RESOURCE_CONTROL);
        assertThat(outcome(set, request(ALICE, "iam:GetUser"))).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void permissionsBoundaryCapsIdentityPolicies() {
        PolicySet set = PolicySet.builder().identity(allow("s3:*", "*")).permissionsBoundary(allow("iam:*", "*")).build();
        assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void permissionsBoundaryGrantsNothingByItself() {
        PolicySet set = PolicySet.builder().permissionsBoundary(allow("*", "*")).build();
        assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void sessionPolicyCapsIdentityPolicies() {
        PolicySet set = PolicySet.builder().identity(allow("s3:*", "*")).sessionPolicies(List.of(allow("iam:*", "*"))).build();
        assertThat(outcome(set, request(ROLE_SESSION, "s3:GetObject"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Nested
    class ResourceBasedPolicies {

        @Test
        void namingTheUserGrantsWithoutAnyIdentityPolicy() {
            PolicySet set = PolicySet.builder()
                    .resource(resourcePolicy("Allow", "Principal\":{\"AWS\":\"" + ALICE + "\"}", "s3:GetObject")).build();
            assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void namingTheUserGrantsDespiteAnImplicitDenyInTheBoundary() {
            PolicySet set = PolicySet.builder()
                    .resource(resourcePolicy("Allow", "Principal\":{\"AWS\":\"" + ALICE + "\"}", "s3:GetObject"))
                    .permissionsBoundary(allow("iam:*", "*")).build();
            assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void namingTheAccountOnlyDelegatesToIdentityPolicies() {
            Policy toAccount = resourcePolicy("Allow", "Principal\":{\"AWS\":\"123456789012\"}", "s3:*");
            assertThat(outcome(PolicySet.builder().resource(toAccount).build(), request(ALICE, "s3:GetObject")))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(outcome(PolicySet.builder().resource(toAccount).identity(allow("s3:GetObject", "*")).build(),
                    request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void theRootArnNamesTheAccountLikeItsId() {
            Policy toRoot = resourcePolicy("Allow", "Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"}", "s3:*");
            assertThat(outcome(PolicySet.builder().resource(toRoot).build(), request(ALICE, "s3:GetObject")))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void namingTheRoleOfASessionStillNeedsTheBoundary() {
            Policy toRole = resourcePolicy("Allow", "Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/Builder\"}", "s3:*");
            assertThat(outcome(PolicySet.builder().resource(toRole).build(), request(ROLE_SESSION, "s3:GetObject")))
                    .isEqualTo(Outcome.ALLOW);
            assertThat(outcome(PolicySet.builder().resource(toRole).permissionsBoundary(allow("iam:*", "*")).build(),
                    request(ROLE_SESSION, "s3:GetObject"))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        /** Mutation testing: a later Allow that names the caller as strongly must not take over the explanation. */
        @Test
        void ofEquallyStrongAllowsTheFirstInTheDocumentDecides() {
            Policy twice = PolicyParser.parse("""
                    {"Version":"2012-10-17","Statement":[
                      {"Sid":"First","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/Builder"},
                       "Action":"s3:GetObject","Resource":"arn:aws:s3:::example-bucket/*"},
                      {"Sid":"Second","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/Builder"},
                       "Action":"s3:*","Resource":"arn:aws:s3:::example-bucket/*"}]}""");
            Decision decision = PolicySet.builder().resource(twice).build().evaluate(request(ROLE_SESSION, "s3:GetObject"));
            assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(decision.decidingStatement().flatMap(StatementRef::sid)).contains("First");
        }

        @Test
        void aWildcardPrincipalNamesEveryone() {
            PolicySet set = PolicySet.builder().resource(resourcePolicy("Allow", "Principal\":\"*\"", "s3:GetObject")).build();
            assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.ALLOW);
            assertThat(outcome(set, request(ALICE, "s3:PutObject"))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void aDenyNamingTheAccountDeniesItsUsers() {
            PolicySet set = PolicySet.builder().identity(allow("*", "*"))
                    .resource(resourcePolicy("Deny", "Principal\":{\"AWS\":\"123456789012\"}", "s3:GetObject")).build();
            assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void notPrincipalDenyAppliesToEveryoneNotListed() {
            Policy exceptAlice = resourcePolicy("Deny", "NotPrincipal\":{\"AWS\":[\"" + ALICE + "\"]}", "s3:*");
            PolicySet set = PolicySet.builder().identity(allow("*", "*")).resource(exceptAlice).build();
            assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.ALLOW);
            assertThat(outcome(set, request("arn:aws:iam::123456789012:user/bob", "s3:GetObject")))
                    .isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void notPrincipalNamingTheAccountExcludesOnlyItsRootUser() {
            Policy exceptAccount = resourcePolicy("Deny", "NotPrincipal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"}", "s3:*");
            PolicySet set = PolicySet.builder().identity(allow("*", "*")).resource(exceptAccount).build();
            assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(outcome(set, request("arn:aws:iam::123456789012:root", "s3:GetObject"))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void notPrincipalDenyAlwaysDeniesACallerWithABoundary() {
            Policy exceptAlice = resourcePolicy("Deny", "NotPrincipal\":{\"AWS\":[\"" + ALICE + "\"]}", "s3:*");
            PolicySet set = PolicySet.builder().identity(allow("*", "*")).permissionsBoundary(allow("*", "*"))
                    .resource(exceptAlice).build();
            assertThat(outcome(set, request(ALICE, "s3:GetObject"))).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void crossAccountAccessNeedsBothAccountsToAllow() {
            RequestContext foreign = RequestContext.builder().principal("arn:aws:iam::999999999999:user/eve")
                    .action("sqs:SendMessage").resource("arn:aws:sqs:us-east-1:123456789012:queue1").build();
            Policy queuePolicy = PolicyParser.parse("""
                    {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"999999999999"},
                     "Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:123456789012:queue1"}}""");
            assertThat(outcome(PolicySet.builder().identity(allow("sqs:*", "*")).build(), foreign))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(outcome(PolicySet.builder().resource(queuePolicy).build(), foreign))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(outcome(PolicySet.builder().identity(allow("sqs:*", "*")).resource(queuePolicy).build(), foreign))
                    .isEqualTo(Outcome.ALLOW);
        }
    }

    @Nested
    class Explanations {

        @Test
        void anExplicitDenyNamesTheDenyingStatement() {
            PolicySet set = PolicySet.builder().identity(allow("*", "*"), deny("s3:GetObject", "*")).build();
            Decision decision = set.explain(request(ALICE, "s3:GetObject"));
            assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
            Explanation explanation = decision.explanation().orElseThrow();
            assertThat(explanation.decidingType()).isEqualTo(PolicyType.IDENTITY);
            assertThat(explanation.deciding()).singleElement().satisfies(ref -> {
                assertThat(ref.displayName()).isEqualTo("NoWay");
                assertThat(ref.policyIndex()).isEqualTo(1);
                assertThat(ref.statementIndex()).isZero();
                assertThat(ref.location().line()).isEqualTo(1);
            });
            assertThat(explanation.considered()).hasSize(2);
        }

        @Test
        void evaluateAndExplainAlwaysAgree() {
            PolicySet set = PolicySet.builder().identity(allow("s3:Get*", "*")).permissionsBoundary(allow("s3:GetObject", "*")).build();
            for (String action : List.of("s3:GetObject", "s3:GetObjectAcl", "s3:PutObject")) {
                RequestContext request = request(ALICE, action);
                assertThat(set.explain(request).outcome()).isEqualTo(set.evaluate(request).outcome());
            }
        }

        @Test
        void evaluateNamesTheDecidingStatementWithoutBuildingAnExplanation() {
            PolicySet set = PolicySet.ofIdentityPolicies(allow("*", "*"));
            Decision decision = set.evaluate(request(ALICE, "s3:GetObject"));
            assertThat(decision.explanation()).isEmpty();
            assertThat(set.evaluate(request(ALICE, "s3:GetObject"))).isSameAs(decision);
            assertThat(decision.decidingStatement()).map(StatementRef::statementIndex).contains(0);
        }

        @Test
        void evaluateSaysWhichKindOfPolicyDecided() {
            Decision denied = PolicySet.builder().identity(allow("*", "*"), deny("s3:GetObject", "*")).build()
                    .evaluate(request(ALICE, "s3:GetObject"));
            assertThat(denied.decidingType()).isEqualTo(PolicyType.IDENTITY);
            assertThat(denied.decidingStatement()).map(StatementRef::displayName).contains("NoWay");

            Decision capped = PolicySet.builder().identity(allow("s3:*", "*")).permissionsBoundary(allow("iam:*", "*")).build()
                    .evaluate(request(ALICE, "s3:GetObject"));
            assertThat(capped.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(capped.decidingType()).isEqualTo(PolicyType.PERMISSIONS_BOUNDARY);
            assertThat(capped.decidingStatement()).isEmpty();
        }
    }
}
