package dev.iamgate.servlet.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.spi.PolicySource;
import dev.iamgate.servlet.spi.PolicySourceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PolicySetCacheTest {

    private static final IamPrincipal ALICE = IamPrincipal.user("123456789012", "alice", "AIDAALICE");

    private final ScriptedSource source = new ScriptedSource();
    private final List<String> faults = new CopyOnWriteArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final PolicySetCache cache = new PolicySetCache(source, 100, faults::add, nanos::get);

    @Test
    void compilesOncePerPrincipalAndRevision() {
        source.serve(allow("iam:GetUser"));

        PolicySet first = cache.policySet(ALICE);
        PolicySet second = cache.policySet(ALICE);

        assertThat(second).isSameAs(first);
        assertThat(source.reads.get()).isEqualTo(1);
    }

    @Test
    void recompilesWhenTheSourceRevisionMoves() {
        source.serve(allow("iam:GetUser"));
        assertThat(decide(cache.policySet(ALICE), "iam:GetUser")).isEqualTo(Outcome.ALLOW);

        source.serve(deny("iam:GetUser"));

        assertThat(decide(cache.policySet(ALICE), "iam:GetUser")).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(source.reads.get()).isEqualTo(2);
    }

    @Test
    void keepsTheLastGoodSetWhenTheSourceFails() {
        source.serve(allow("iam:GetUser"));
        PolicySet good = cache.policySet(ALICE);

        source.fail();

        assertThat(cache.policySet(ALICE)).isSameAs(good);
    }

    @Test
    void deniesEverythingWhenTheSourceFailsWithoutALastGoodSet() {
        source.fail();

        PolicySet set = cache.policySet(ALICE);

        assertThat(set).isSameAs(PolicySetCache.EMPTY);
        assertThat(decide(set, "iam:GetUser")).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void logsAFaultOncePerRevision() {
        source.fail();
        IamPrincipal bob = IamPrincipal.user("123456789012", "bob", "AIDABOB");

        cache.policySet(ALICE);
        cache.policySet(ALICE);
        cache.policySet(bob);
        assertThat(faults).singleElement().asString().contains("arn:aws:iam::123456789012:user/alice")
                .contains("store is down").contains("denied");

        source.fail(); // a new revision, still failing
        cache.policySet(ALICE);
        assertThat(faults).hasSize(2);
        assertThat(faults.get(1)).contains("last compiled policies stay in force");
    }

    @Test
    void aFailedSourceIsNotAskedAgainUntilTheRevisionMovesOrTheRetryIntervalPasses() {
        source.fail();
        cache.policySet(ALICE);
        cache.policySet(ALICE);
        assertThat(source.reads.get()).isEqualTo(1);

        source.recoverWithoutNewRevision(allow("iam:GetUser"));
        nanos.addAndGet(PolicySetCache.RETRY_NANOS);

        assertThat(decide(cache.policySet(ALICE), "iam:GetUser")).isEqualTo(Outcome.ALLOW);
        assertThat(source.reads.get()).isEqualTo(2);
    }

    @Test
    void aSourceWhoseRevisionCannotBeReadStillFailsClosed() {
        source.serve(allow("iam:GetUser"));
        PolicySet good = cache.policySet(ALICE);
        source.brokenRevision.set(true);

        assertThat(cache.policySet(ALICE)).isSameAs(good);
        assertThat(cache.policySet(IamPrincipal.user("123456789012", "bob", "AIDABOB"))).isSameAs(PolicySetCache.EMPTY);
        assertThat(faults).singleElement().asString().contains("revision store is down");
    }

    @Test
    void principalsThatDifferInAnyPartDoNotShareASet() {
        source.serve(allow("iam:GetUser"));
        IamPrincipal inGroup = new IamPrincipal(ALICE.arn(), ALICE.accountId(), ALICE.userName(), ALICE.userId(),
                List.of("admins"), Map.of());

        assertThat(cache.policySet(inGroup)).isNotSameAs(cache.policySet(ALICE));
        assertThat(source.reads.get()).isEqualTo(2);
    }

    @Test
    void holdsAtMostTheMaximumNumberOfPrincipals() {
        source.serve(allow("iam:GetUser"));
        PolicySetCache small = new PolicySetCache(source, 10);

        for (int i = 0; i < 200; i++) {
            small.policySet(IamPrincipal.user("123456789012", "user" + i, "AIDA" + i));
        }

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    private static Outcome decide(PolicySet set, String action) {
        return set.evaluate(RequestContext.builder().principal(ALICE.arn()).action(action).resource("*").build())
                .outcome();
    }

    private static Policy allow(String action) {
        return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\""
                + action + "\",\"Resource\":\"*\"}}", "allow.json");
    }

    private static Policy deny(String action) {
        return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\""
                + action + "\",\"Resource\":\"*\"}}", "deny.json");
    }

    /** A source whose answers the test sets, counting reads: the cache's contract, nothing else. */
    private static final class ScriptedSource implements PolicySource {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicLong revision = new AtomicLong();
        final AtomicBoolean brokenRevision = new AtomicBoolean();
        final AtomicReference<Optional<Policy>> policy = new AtomicReference<>(Optional.empty());

        void serve(Policy served) {
            policy.set(Optional.of(served));
            revision.incrementAndGet();
        }

        void fail() {
            policy.set(Optional.empty());
            revision.incrementAndGet();
        }

        void recoverWithoutNewRevision(Policy served) {
            policy.set(Optional.of(served));
        }

        @Override
        public List<Policy> identityPolicies(IamPrincipal principal) {
            reads.incrementAndGet();
            return List.of(policy.get().orElseThrow(() -> new PolicySourceException("store is down")));
        }

        @Override
        public long revision() {
            if (brokenRevision.get()) {
                throw new PolicySourceException("revision store is down");
            }
            return revision.get();
        }

        @Override
        public String toString() {
            return "ScriptedSource";
        }
    }
}
