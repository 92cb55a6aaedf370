package dev.iamgate.servlet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.servlet.IamGateFilter;
import dev.iamgate.servlet.IamGateSettings;
import dev.iamgate.servlet.Mode;
import dev.iamgate.servlet.source.DirectoryPolicySource;
import dev.iamgate.servlet.source.PolicyFiles;
import dev.iamgate.servlet.testing.DemoServlets;
import dev.iamgate.servlet.testing.RawHttp;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy file corrupted while requests flow through a real Jetty 12 ee10 server. Four clients
 * signed in as alice send {@code DELETE /api/users/bob} (iam:DeleteUser, which the Deny file
 * denies) and {@code GET /api/users/bob} (iam:GetUser, allowed) without pause, while the Deny file
 * is replaced by truncated JSON, then by JSON broken on another line, then made unreadable, then
 * the whole policy directory is deleted, and finally a valid Deny comes back.
 *
 * <p>Unreadable is a symbolic link that points at itself: opening it fails with "too many levels
 * of symbolic links" for every user, root included (root reads a {@code chmod 000} file, so
 * permissions could not make this test fail the same way on a CI machine that runs as root).
 *
 * <p>The requirement: no request is allowed that the last good policy denied, and each
 * fault is logged once, saying what and where (file and line for broken JSON).
 */
class PolicyCorruptionUnderLoadTest {

    private static final int CLIENTS = 4;
    /** Bounds each client's loop, whatever happens to the phases. */
    private static final int MAX_ITERATIONS_PER_CLIENT = 20_000;
    private static final Duration MAX_LOAD_TIME = Duration.ofSeconds(15);
    /** The least time each phase runs under load. */
    private static final Duration PHASE = Duration.ofMillis(750);

    private static final String ALLOW = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": ["iam:GetUser", "iam:DeleteUser"], "Resource": "*"}
              ]
            }
            """;
    private static final String DENY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Deny", "Action": "iam:DeleteUser", "Resource": "*"}
              ]
            }
            """;
    /** The Deny cut short on its third line, as an interrupted copy leaves it: the input ends on line 3. */
    private static final String TRUNCATED = DENY.substring(0, DENY.indexOf("[") + 1);
    /** A trailing comma on line 4. */
    private static final String BROKEN_ON_LINE_4 = PolicyFiles.BROKEN;
    /** A valid Deny again, one that also keeps carol's record from anyone: its own version, not the old one. */
    private static final String RESTORED_DENY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Deny", "Action": "iam:DeleteUser", "Resource": "*"},
                {"Effect": "Deny", "Action": "iam:GetUser", "Resource": "arn:aws:iam::123456789012:user/carol"}
              ]
            }
            """;

    @TempDir
    Path temp;

    private final DemoServlets servlets = new DemoServlets();
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private Server server;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCorruptedDenyFileNeverLetsThroughWhatTheLastGoodVersionDeniedAndEachBreakageIsReportedOnce()
            throws Exception {
        Path policies = temp.resolve("policies");
        PolicyFiles.writeAtomically(policies, "everyone/allow.json", ALLOW);
        PolicyFiles.writeAtomically(policies, "everyone/deny.json", DENY);
        start(policies);

        Load load = new Load();
        try {
            load.awaitPhase();

            PolicyFiles.writeAtomically(policies, "everyone/deny.json", TRUNCATED);
            awaitReport(m -> m.startsWith("Rejected policy file everyone/deny.json:3:"));
            load.awaitPhase();

            PolicyFiles.writeAtomically(policies, "everyone/deny.json", BROKEN_ON_LINE_4);
            awaitReport(m -> m.startsWith("Rejected policy file everyone/deny.json:4:"));
            load.awaitPhase();

            makeUnreadable(policies.resolve("everyone/deny.json"));
            awaitReport(m -> m.startsWith("Cannot read policy file everyone/deny.json"));
            load.awaitPhase();

            Path gone = Files.move(policies, temp.resolve("policies-gone"), StandardCopyOption.ATOMIC_MOVE);
            awaitReport(m -> m.startsWith("Cannot read the policy directory"));
            load.awaitPhase();

            Files.move(gone, policies, StandardCopyOption.ATOMIC_MOVE);
            awaitReport(m -> m.contains("is readable again"));
            PolicyFiles.writeAtomically(policies, "everyone/deny.json", RESTORED_DENY);
            awaitReport(m -> m.contains("everyone/deny.json") && m.contains("is fixed"));
            load.awaitPhase();
        } finally {
            load.stop();
        }

        assertThat(load.crashes).isEmpty();
        assertThat(load.iterations()).as("requests each client made").allSatisfy(n -> assertThat(n).isGreaterThan(40));
        assertThat(load.statuses.get("DELETE")).as("statuses of DELETE /api/users/bob").containsOnlyKeys(403);
        assertThat(servlets.served).as("requests the protected servlet served").allMatch(s -> s.equals("GET /api/users/bob"));
        assertThat(load.statuses.get("GET")).as("statuses of GET /api/users/bob").containsOnlyKeys(200);

        List<String> rejected = reports.stream().filter(m -> m.startsWith("Rejected")).toList();
        assertThat(rejected).as("one report per broken version").hasSize(2);
        assertThat(rejected.get(0)).matches("Rejected policy file everyone/deny\\.json:3:\\d+ .*")
                .endsWith("; its last good version stays in force");
        assertThat(rejected.get(1)).matches("Rejected policy file everyone/deny\\.json:4:\\d+ .*")
                .endsWith("; its last good version stays in force");
        assertThat(reports).filteredOn(m -> m.startsWith("Cannot read policy file everyone/deny.json")).singleElement()
                .asString().contains("Too many levels of symbolic links").endsWith("; its last good version stays in force");
        assertThat(reports).filteredOn(m -> m.startsWith("Cannot read the policy directory")).singleElement()
                .asString().contains(temp.resolve("policies").toString()).endsWith("; the last good policies stay in force");
        assertThat(reports).filteredOn(m -> m.contains("is readable again")).hasSize(1);
        assertThat(reports).filteredOn(m -> m.contains("is fixed")).hasSize(1);
        assertThat(reports).as("everything the policy source reported, in order").hasSize(8)
                .satisfies(all -> assertThat(all.get(0)).startsWith("Loaded 2 policy files").endsWith("(revision 1)"))
                .satisfies(all -> assertThat(all.get(7)).startsWith("Loaded 2 policy files").endsWith("(revision 2)"));

        // after the restore: the restored version is in force, not merely the last good one kept
        RawHttp alice = signedIn();
        assertThat(alice.send("DELETE", "/api/users/bob", null).status()).isEqualTo(403);
        assertThat(alice.get("/api/users/bob").status()).isEqualTo(200);
        assertThat(alice.get("/api/users/carol").status()).isEqualTo(403);
    }

    /** Replaces the file, in one step, by a symbolic link to itself: unreadable for any user, root included. */
    private static void makeUnreadable(Path file) throws IOException {
        Path link = file.resolveSibling(".loop.tmp");
        Files.createSymbolicLink(link, file.getFileName());
        Files.move(link, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> Files.readAllBytes(file)).isInstanceOf(FileSystemException.class);
    }

    private void start(Path policies) throws Exception {
        IamGateSettings settings = new IamGateSettings(policies.toString(), Optional.of("classpath:/faults/routes.json"),
                DemoServlets.ACCOUNT, Mode.ENFORCE, List.of(), List.of(), 1_000, Duration.ofMillis(100), Optional.empty());
        DirectoryPolicySource source = DirectoryPolicySource.directory(policies)
                .refreshInterval(settings.refresh()).reporter(reports::add).build();
        IamGateFilter filter = IamGateFilter.builder(settings).policySource(source).build();

        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlets.login()), "/api/login");
        context.addServlet(new ServletHolder(servlets.api()), "/api/*");
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    private RawHttp signedIn() {
        RawHttp alice = new RawHttp(port);
        assertThat(alice.post("/api/login", "user=alice").status()).isEqualTo(200);
        return alice;
    }

    private void awaitReport(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (reports.stream().noneMatch(wanted)) {
            assertThat(System.nanoTime() - deadline).as("report never came; got " + reports).isNegative();
            Thread.sleep(5);
        }
    }

    /** The clients: each signed in as alice, alternating DELETE and GET until stopped or bounded. */
    private final class Load {
        final Map<String, Map<Integer, AtomicLong>> statuses = Map.of(
                "DELETE", new ConcurrentHashMap<>(), "GET", new ConcurrentHashMap<>());
        final List<Throwable> crashes = new CopyOnWriteArrayList<>();
        private final AtomicLongArray iterations = new AtomicLongArray(CLIENTS);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Load() {
            long deadline = System.nanoTime() + MAX_LOAD_TIME.toNanos();
            for (int i = 0; i < CLIENTS; i++) {
                int index = i;
                RawHttp alice = signedIn();
                Thread thread = new Thread(() -> {
                    for (int n = 0; n < MAX_ITERATIONS_PER_CLIENT && running.get() && System.nanoTime() < deadline; n++) {
                        record("DELETE", alice.send("DELETE", "/api/users/bob", null).status());
                        record("GET", alice.get("/api/users/bob").status());
                        iterations.incrementAndGet(index);
                    }
                }, "client-" + i);
                thread.setUncaughtExceptionHandler((t, e) -> crashes.add(e));
                threads.add(thread);
            }
            threads.forEach(Thread::start);
        }

        private void record(String method, int status) {
            statuses.get(method).computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }

        /** Waits until the phase has lasted {@link #PHASE} and every client has made 10 more requests in it. */
        void awaitPhase() throws InterruptedException {
            long[] targets = new long[CLIENTS];
            for (int i = 0; i < CLIENTS; i++) {
                targets[i] = iterations.get(i) + 10;
            }
            long end = System.nanoTime() + PHASE.toNanos();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (int i = 0; i < CLIENTS; i++) {
                while (iterations.get(i) < targets[i] || System.nanoTime() - end < 0) {
                    assertThat(crashes).isEmpty();
                    assertThat(statuses.get("DELETE").keySet()).as("statuses of DELETE /api/users/bob so far").isSubsetOf(403);
                    assertThat(System.nanoTime() - deadline).as("clients stalled").isNegative();
                    Thread.sleep(5);
                }
            }
        }

        List<Long> iterations() {
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                counts.add(iterations.get(i));
            }
            return counts;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }
    }
}
