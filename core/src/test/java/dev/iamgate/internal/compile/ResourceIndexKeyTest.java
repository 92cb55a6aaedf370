package dev.iamgate.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.eval.StatementRef;
import dev.iamgate.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The resource index keys statements by their ARNs' last segment (plain ARNs and ARNs with a
 * wildcard region or account); it must never change which statement decides, only how many are
 * looked at. Every set here starts with {@link #FILLERS} keyed Allow and Deny statements on other
 * ARNs, so that both effects of the bucket are indexed.
 */
class ResourceIndexKeyTest {

    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final String DOC = "arn:aws:s3:::bucket/doc";
    private static final String OTHER = "arn:aws:s3:::bucket/other";

    private static String statement(String sid, String effect, String resourceMember) {
        return statement(sid, effect, resourceMember, "");
    }

    private static String statement(String sid, String effect, String resourceMember, String extra) {
        return "{\"Sid\":\"%s\",\"Effect\":\"%s\",\"Action\":\"s3:GetObject\",%s%s}"
                .formatted(sid, effect, resourceMember, extra);
    }

    private static String resource(String arn) {
        return "\"Resource\":\"" + arn + "\"";
    }

    private static final int FILLERS = 16;

    private static PolicySet versionedSet(String version, String... statements) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < FILLERS; i++) {
            all.add(statement("FillAllow" + i, "Allow", resource("arn:aws:s3:::filler/a" + i)));
            all.add(statement("FillDeny" + i, "Deny", resource("arn:aws:s3:::filler/d" + i)));
        }
        all.addAll(List.of(statements));
        return PolicySet.ofIdentityPolicies(PolicyParser.parse(
                "{\"Version\":\"" + version + "\",\"Statement\":[" + String.join(",", all) + "]}"));
    }

    private static PolicySet identitySet(String... statements) {
        return versionedSet("2012-10-17", statements);
    }

    private static Decision decide(PolicySet set, String resource, String username) {
        return set.evaluate(RequestContext.builder().principal(ALICE).action("s3:GetObject").resource(resource)
                .key("aws:username", username).build());
    }

    private static Optional<String> decidingSid(Decision decision) {
        return decision.decidingStatement().flatMap(StatementRef::sid);
    }

    @Test
    void aDenyOnTheSameArnAfterAnAllowStillDenies() {
        PolicySet set = identitySet(statement("Grant", "Allow", resource(DOC)), statement("Block", "Deny", resource(DOC)));
        Decision decision = decide(set, DOC, "alice");
        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decidingSid(decision)).contains("Block");
        assertThat(decide(set, OTHER, "alice").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void theFirstApplicableStatementDecidesWhenLiteralAndWildcardStatementsInterleave() {
        String literalOther = statement("LiteralOther", "Allow", resource(OTHER));
        String wildcard = statement("Wildcard", "Allow", resource("arn:aws:s3:::bucket/*"));
        String literalDoc = statement("LiteralDoc", "Allow", resource(DOC));
        assertThat(decidingSid(decide(identitySet(literalOther, wildcard, literalDoc), DOC, "alice"))).contains("Wildcard");
        assertThat(decidingSid(decide(identitySet(literalDoc, literalOther, wildcard), DOC, "alice"))).contains("LiteralDoc");
        assertThat(decidingSid(decide(identitySet(literalDoc, wildcard, literalOther), OTHER, "alice")))
                .contains("Wildcard");
    }

    @Test
    void aLiteralStatementWhoseConditionFailsLeavesTheDecisionToTheNextCandidate() {
        String onlyBob = ",\"Condition\":{\"StringEquals\":{\"aws:username\":\"bob\"}}";
        PolicySet set = identitySet(statement("BobOnly", "Allow", resource(DOC), onlyBob),
                statement("Everyone", "Allow", resource("arn:aws:s3:::bucket/d?c")),
                statement("DocAgain", "Allow", resource(DOC)));
        assertThat(decidingSid(decide(set, DOC, "alice"))).contains("Everyone");
        assertThat(decidingSid(decide(set, DOC, "bob"))).contains("BobOnly");
    }

    /**
     * Many entries with a wildcard, a {@code ?} or a variable in their last segment (enough to be
     * worth an index were they keyed): their text is no key, so each is still found for the ARNs it
     * matches, as are the many {@code *} and NotResource statements, which are never keyed under
     * the ARN they name (mutation testing showed that keying any of them went unnoticed while too
     * few existed to build an index).
     */
    @Test
    void manyPatternsThatAreNoKeysAreEachStillFoundForTheArnsTheyMatch() {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statements.add(statement("Star" + i, "Allow", resource("arn:aws:s3:::star" + i + "/*")));
            statements.add(statement("Mark" + i, "Allow", resource("arn:aws:s3:::mark" + i + "/d?c")));
            statements.add(statement("Var" + i, "Allow", resource("arn:aws:s3:::var" + i + "/${aws:username}")));
            statements.add(statement("All" + i, "Deny", resource("*"),
                    ",\"Condition\":{\"StringEquals\":{\"aws:username\":\"mallory" + i + "\"}}"));
        }
        for (int i = 0; i < 20; i++) {
            statements.add(statement("Not" + i, "Allow", "\"NotResource\":\"arn:aws:s3:::not" + i + "/doc\""));
        }
        PolicySet set = identitySet(statements.toArray(String[]::new));

        assertThat(decidingSid(decide(set, "arn:aws:s3:::star7/any/thing", "alice"))).contains("Star7");
        assertThat(decidingSid(decide(set, "arn:aws:s3:::mark7/doc", "alice"))).contains("Mark7");
        assertThat(decidingSid(decide(set, "arn:aws:s3:::var7/alice", "alice"))).contains("Var7");
        assertThat(decidingSid(decide(set, "arn:aws:s3:::star7/x", "mallory7"))).contains("All7");
        assertThat(decidingSid(decide(set, "arn:aws:s3:::var7/bob", "alice"))).contains("Not0");
        assertThat(decidingSid(decide(set, "arn:aws:s3:::not0/doc", "alice"))).contains("Not1");
    }

    @Test
    void arnsAreComparedCaseSensitively() {
        PolicySet set = identitySet(statement("Upper", "Allow", resource("arn:aws:s3:::bucket/Doc")));
        assertThat(decide(set, DOC, "alice").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decidingSid(decide(set, "arn:aws:s3:::bucket/Doc", "alice"))).contains("Upper");
    }

    @Test
    void notResourceIsNeverIndexedUnderItsArn() {
        PolicySet set = identitySet(statement("AllButDoc", "Deny", "\"NotResource\":\"" + DOC + "\""),
                statement("All", "Allow", resource("*")));
        assertThat(decidingSid(decide(set, OTHER, "alice"))).contains("AllButDoc");
        assertThat(decidingSid(decide(set, DOC, "alice"))).contains("All");
    }

    @Test
    void aStatementListingSeveralArnsIsFoundUnderEachOfThem() {
        PolicySet set = identitySet(statement("Two", "Allow", "\"Resource\":[\"" + DOC + "\",\"" + OTHER + "\",\"" + DOC + "\"]"));
        assertThat(decidingSid(decide(set, DOC, "alice"))).contains("Two");
        assertThat(decidingSid(decide(set, OTHER, "alice"))).contains("Two");
        assertThat(decide(set, "arn:aws:s3:::bucket/third", "alice").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aRequestWithoutResourceLevelPermissionsMatchesOnlyStatementsCoveringEverything() {
        PolicySet set = identitySet(statement("Literal", "Allow", resource(DOC)), statement("Star", "Allow", resource("*")));
        assertThat(decidingSid(decide(set, "*", "alice"))).contains("Star");
        assertThat(decidingSid(decide(set, DOC, "alice"))).contains("Literal");
    }

    @Test
    void aVariableIsSubstitutedUnder2012AndMatchedAsTextUnder2008() {
        String perUser = statement("PerUser", "Allow", resource("arn:aws:s3:::bucket/${aws:username}"));
        assertThat(decidingSid(decide(versionedSet("2012-10-17", perUser), "arn:aws:s3:::bucket/alice", "alice")))
                .contains("PerUser");
        assertThat(decide(versionedSet("2008-10-17", perUser), "arn:aws:s3:::bucket/alice", "alice").outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decidingSid(decide(versionedSet("2008-10-17", perUser), "arn:aws:s3:::bucket/${aws:username}", "alice")))
                .contains("PerUser");
    }

    @Test
    void aResourcePolicyNamingTheCallerWinsOverAnEarlierLiteralNamingOnlyItsAccount() {
        PolicySet set = PolicySet.builder().resource(PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":["
                + statement("Account", "Allow", resource("arn:aws:s3:::bucket/doc"),
                        ",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"}") + ","
                + statement("Alice", "Allow", resource("arn:aws:s3:::bucket/*"), ",\"Principal\":{\"AWS\":\"" + ALICE + "\"}")
                + "]}")).build();
        Decision decision = decide(set, "arn:aws:s3:::bucket/doc", "alice");
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decidingSid(decision)).contains("Alice");
    }

    /**
     * A wildcard in the account is keyed by the last segment; a second entry with a wildcard in
     * its last segment makes the same statement scanned, and both must decide alike.
     */
    @Test
    void aStatementKeyedByItsLastSegmentDecidesAsTheSameStatementScanned() {
        String pattern = "arn:aws:iam::*:user/alice";
        PolicySet keyed = identitySet(statement("Own", "Allow", resource(pattern)));
        PolicySet scanned = identitySet(statement("Own", "Allow",
                "\"Resource\":[\"" + pattern + "\",\"arn:aws:s3:::nothing/*\"]"));
        String[] targets = {ALICE, "arn:aws:iam::210987654321:user/alice", "arn:aws:sts::123456789012:user/alice",
            "arn:aws:iam::123456789012:extra:user/alice", "arn:aws:iam::123456789012:user/Alice",
            "arn:aws:iam::123456789012:user/bob", "user/alice", "*"};
        for (String target : targets) {
            assertThat(decide(keyed, target, "alice")).as(target).isEqualTo(decide(scanned, target, "alice"));
        }
        assertThat(decidingSid(decide(keyed, ALICE, "alice"))).contains("Own");
        assertThat(decide(keyed, "arn:aws:sts::123456789012:user/alice", "alice").outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /** Random sets of literal, wildcard and NotResource statements against a first-applicable oracle. */
    @Test
    void theDecidingStatementIsTheFirstApplicableOneInDocumentOrder() {
        String[] arns = {DOC, OTHER, "arn:aws:s3:::bucket/DOC", "arn:aws:s3:::bucket/third",
            "arn:aws:s3:::bucket/a:doc", "arn:aws:s3:::bucket/b:doc"};
        Random random = new Random(20261129L);
        for (int round = 0; round < 300; round++) {
            List<String> statements = new ArrayList<>();
            List<Spec> specs = new ArrayList<>();
            int count = 1 + random.nextInt(24);
            for (int i = 0; i < count; i++) {
                Spec spec = new Spec("S" + i, random.nextInt(4) == 0 ? "Deny" : "Allow", random.nextInt(5),
                        arns[random.nextInt(arns.length)], random.nextInt(3) == 0 ? "bob" : null);
                specs.add(spec);
                statements.add(spec.json());
            }
            PolicySet set = identitySet(statements.toArray(String[]::new));
            for (String target : arns) {
                for (String user : new String[] {"alice", "bob"}) {
                    Optional<String> expected = firstApplicable(specs, "Deny", target, user)
                            .or(() -> firstApplicable(specs, "Allow", target, user));
                    assertThat(decidingSid(decide(set, target, user))).as("%s on %s by %s", statements, target, user)
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static Optional<String> firstApplicable(List<Spec> specs, String effect, String target, String user) {
        return specs.stream().filter(spec -> spec.effect.equals(effect) && spec.applies(target, user))
                .map(spec -> spec.sid).findFirst();
    }

    /**
     * kind: 0 literal ARN, 1 the ARN and its neighbour, 2 the bucket wildcard, 3 NotResource of the
     * ARN, 4 the ARN with a wildcard region (which, for these targets, matches the ARN alone).
     */
    private record Spec(String sid, String effect, int kind, String arn, String onlyUser) {

        String json() {
            String member = switch (kind) {
                case 0 -> resource(arn);
                case 1 -> "\"Resource\":[\"" + arn + "\",\"" + OTHER + "\"]";
                case 2 -> resource("arn:aws:s3:::bucket/*");
                case 4 -> resource(arn.replace("arn:aws:s3:::", "arn:aws:s3:*::"));
                default -> "\"NotResource\":\"" + arn + "\"";
            };
            String condition = onlyUser == null ? ""
                    : ",\"Condition\":{\"StringEquals\":{\"aws:username\":\"" + onlyUser + "\"}}";
            return statement(sid, effect, member, condition);
        }

        boolean applies(String target, String user) {
            boolean resourceMatches = switch (kind) {
                case 0 -> arn.equals(target);
                case 1 -> arn.equals(target) || OTHER.equals(target);
                case 2 -> target.startsWith("arn:aws:s3:::bucket/");
                case 4 -> arn.equals(target);
                default -> !arn.equals(target);
            };
            return resourceMatches && (onlyUser == null || onlyUser.equals(user));
        }
    }
}
