package dev.iamgate.servlet.internal.cache;

import static dev.iamgate.servlet.source.PolicyFiles.policy;
import static dev.iamgate.servlet.source.PolicyFiles.writeAtomically;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.source.DirectoryPolicySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload is all or nothing: while the policy tree is swapped back and forth between two versions
 * (a symbolic link switched in one rename, as {@link DirectoryPolicySource} asks), every set a
 * reader gets from the cache is wholly one version, compiled whole. Each version is two files whose
 * Allow and Deny only make sense together; a set mixing the files of both versions allows neither
 * action. (Before the scan resolved links and checked them afterwards, hundreds of sets were mixed.)
 */
class ReloadIsAtomicTest {

    private static final IamPrincipal ALICE = IamPrincipal.user("123456789012", "alice", "AIDAALICE");
    private static final int SWAPS = 400;

    @TempDir
    Path temp;

    @Test
    void readersNeverGetASetMixingTwoVersionsWhenTheRootLinkIsSwitched() throws Exception {
        Path[] versions = twoVersions();
        Path root = temp.resolve("policies");
        Files.createSymbolicLink(root, versions[0]);
        assertEverySetIsOneVersion(root, swap -> switchLink(root, versions[swap % 2]));
    }

    /** Kubernetes' ConfigMap volume: {@code everyone -> ..data/everyone}, and {@code ..data} is switched. */
    @Test
    void readersNeverGetASetMixingTwoVersionsWhenADataLinkUnderTheRootIsSwitched() throws Exception {
        Path[] versions = twoVersions();
        Path root = Files.createDirectories(temp.resolve("volume"));
        Path data = root.resolve("..data");
        Files.createSymbolicLink(data, versions[0]);
        Files.createSymbolicLink(root.resolve("everyone"), data.resolve("everyone"));
        assertEverySetIsOneVersion(root, swap -> switchLink(data, versions[swap % 2]));
    }

    /** Two trees whose Allow and Deny only make sense together: A allows GetUser, B ListUsers. */
    private Path[] twoVersions() {
        Path versionA = temp.resolve("a");
        writeAtomically(versionA, "everyone/allow.json", policy("Allow", "iam:GetUser"));
        writeAtomically(versionA, "everyone/deny.json", policy("Deny", "iam:ListUsers"));
        Path versionB = temp.resolve("b");
        writeAtomically(versionB, "everyone/allow.json", policy("Allow", "iam:ListUsers"));
        writeAtomically(versionB, "everyone/deny.json", policy("Deny", "iam:GetUser"));
        return new Path[] {versionA, versionB};
    }

    private void switchLink(Path link, Path target) {
        try {
            Path next = link.resolveSibling(".next-link");
            Files.createSymbolicLink(next, target);
            Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertEverySetIsOneVersion(Path root, IntConsumer swap) throws InterruptedException {
        DirectoryPolicySource source = DirectoryPolicySource.directory(root).refreshInterval(Duration.ZERO).build();
        PolicySetCache cache = new PolicySetCache(source, 10);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong mixed = new AtomicLong();
        AtomicLong sawA = new AtomicLong();
        AtomicLong sawB = new AtomicLong();
        List<Throwable> crashes = new CopyOnWriteArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    PolicySet policies = cache.policySet(ALICE);
                    boolean getUser = allows(policies, "iam:GetUser");
                    boolean listUsers = allows(policies, "iam:ListUsers");
                    if (getUser == listUsers) {
                        mixed.incrementAndGet();
                    } else {
                        (getUser ? sawA : sawB).incrementAndGet();
                    }
                }
            }, "reader-" + i);
            reader.setUncaughtExceptionHandler((t, e) -> crashes.add(e));
            readers.add(reader);
            reader.start();
        }
        try {
            for (int i = 1; i <= SWAPS; i++) {
                swap.accept(i);
                Thread.sleep(0, 200_000);
            }
        } finally {
            running.set(false);
            for (Thread reader : readers) {
                reader.join(10_000);
            }
        }

        assertThat(crashes).isEmpty();
        assertThat(sawA.get()).as("sets of version A seen").isPositive();
        assertThat(sawB.get()).as("sets of version B seen").isPositive();
        assertThat(mixed.get()).as("sets mixing both versions").isZero();
    }

    private static boolean allows(PolicySet policies, String action) {
        return policies.evaluate(RequestContext.builder()
                .principal(ALICE.arn()).action(action).resource(ALICE.arn()).build()).outcome() == Outcome.ALLOW;
    }
}
