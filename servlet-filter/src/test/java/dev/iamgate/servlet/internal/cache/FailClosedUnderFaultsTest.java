package dev.iamgate.servlet.internal.cache;

import static dev.iamgate.servlet.source.PolicyFiles.BROKEN;
import static dev.iamgate.servlet.source.PolicyFiles.policy;
import static dev.iamgate.servlet.source.PolicyFiles.writeAtomically;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.source.DirectoryPolicySource;
import dev.iamgate.servlet.source.PolicyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole read path under faults, while four threads decide requests without pause: a Deny file
 * broken, then the whole policy directory gone, then everything restored with a fixed Deny. No
 * decision may ever allow what the last good Deny denies.
 */
class FailClosedUnderFaultsTest {

    private static final IamPrincipal ALICE = IamPrincipal.user("123456789012", "alice", "AIDAALICE");
    private static final String ALLOW = policy("Allow", "iam:GetUser", "iam:DeleteUser", "iam:CreateUser");
    private static final String DENY = policy("Deny", "iam:DeleteUser");
    private static final String FIXED_DENY = policy("Deny", "iam:DeleteUser", "iam:CreateUser");

    @TempDir
    Path temp;

    @Test
    void theLastGoodDenyStaysInForceThroughABrokenFileAndAVanishedDirectory() throws Exception {
        Path root = temp.resolve("policies");
        writeAtomically(root, "everyone/allow.json", ALLOW);
        writeAtomically(root, "everyone/deny.json", DENY);
        List<String> reports = new CopyOnWriteArrayList<>();
        DirectoryPolicySource source = DirectoryPolicySource.directory(root)
                .refreshInterval(Duration.ofMillis(1)).reporter(reports::add).build();
        PolicySetCache cache = new PolicySetCache(source, 1_000);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLongArray decisions = new AtomicLongArray(4);
        AtomicLong deleteAllowed = new AtomicLong();
        AtomicLong getUserNotAllowed = new AtomicLong();
        ConcurrentHashMap<Outcome, Boolean> createUserOutcomes = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> crashes = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    if (decide(cache, "iam:DeleteUser") == Outcome.ALLOW) {
                        deleteAllowed.incrementAndGet();
                    }
                    if (decide(cache, "iam:GetUser") != Outcome.ALLOW) {
                        getUserNotAllowed.incrementAndGet();
                    }
                    createUserOutcomes.put(decide(cache, "iam:CreateUser"), true);
                    decisions.incrementAndGet(index);
                }
            }, "evaluator-" + i);
            thread.setUncaughtExceptionHandler((t, e) -> crashes.add(e));
            threads.add(thread);
            thread.start();
        }
        try {
            awaitDecisions(decisions);

            // 1. The Deny file is replaced by one that does not parse.
            writeAtomically(root, "everyone/deny.json", BROKEN);
            awaitReport(reports, m -> m.startsWith("Rejected policy file everyone/deny.json"));
            awaitDecisions(decisions);

            // 2. The whole directory goes (renamed away in one step, then deleted).
            Path graveyard = temp.resolve("graveyard");
            Files.move(root, graveyard, StandardCopyOption.ATOMIC_MOVE);
            PolicyFiles.deleteTree(graveyard);
            awaitReport(reports, m -> m.startsWith("Cannot read the policy directory"));
            awaitDecisions(decisions);

            // 3. Restored in one step, with a fixed Deny that now covers CreateUser too.
            Path staging = temp.resolve("staging");
            writeAtomically(staging, "everyone/allow.json", ALLOW);
            writeAtomically(staging, "everyone/deny.json", FIXED_DENY);
            Files.move(staging, root, StandardCopyOption.ATOMIC_MOVE);
            awaitReport(reports, m -> m.contains("everyone/deny.json") && m.contains("is fixed"));
            awaitDecisions(decisions); // every evaluator has started a request since the fix was published
            createUserOutcomes.clear();
            awaitDecisions(decisions);
        } finally {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }

        assertThat(crashes).isEmpty();
        assertThat(deleteAllowed.get()).as("decisions that allowed iam:DeleteUser").isZero();
        assertThat(getUserNotAllowed.get()).as("the last good Allow stayed in force too").isZero();
        assertThat(reports.stream().filter(m -> m.startsWith("Rejected")).toList())
                .singleElement().asString().containsPattern("^Rejected policy file everyone/deny\\.json:4:\\d+ ");
        assertThat(reports.stream().filter(m -> m.startsWith("Cannot read the policy directory")).count()).isOne();
        assertThat(createUserOutcomes.keySet()).as("the fixed file is in force, without restart")
                .containsExactly(Outcome.EXPLICIT_DENY);
    }

    private static Outcome decide(PolicySetCache cache, String action) {
        return cache.policySet(ALICE).evaluate(RequestContext.builder()
                .principal(ALICE.arn()).action(action).resource(ALICE.arn()).build()).outcome();
    }

    /** Waits until every evaluator has completed at least 100 more iterations. */
    private static void awaitDecisions(AtomicLongArray decisions) throws InterruptedException {
        long[] targets = new long[decisions.length()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = decisions.get(i) + 100;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (int i = 0; i < targets.length; i++) {
            while (decisions.get(i) < targets[i]) {
                assertThat(System.nanoTime() - deadline).as("evaluators stalled").isNegative();
                Thread.sleep(1);
            }
        }
    }

    private static void awaitReport(List<String> reports, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (reports.stream().noneMatch(wanted)) {
            assertThat(System.nanoTime() - deadline).as("report never came; got " + reports).isNegative();
            Thread.sleep(1);
        }
    }
}
