package dev.iamgate.bench.http;

import dev.iamgate.servlet.IamGate;
import dev.iamgate.servlet.IamGateFilter;
import dev.iamgate.servlet.IamGateSettings;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.Mode;
import dev.iamgate.servlet.session.IamSessions;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server side of the HTTP harness, run in a JVM of its own so that its CPU time is its own:
 * Jetty 12 ee10 on loopback, with sessions, serving {@value #PATH} in one {@link ServerMode}.
 *
 * <p>{@code POST /bench/login} signs alice in and records MFA through {@link IamSessions}, the
 * filter's public session API (a public path in filter mode). The filter reads the example app's
 * routes, which map {@value #PATH} to {@code iam:ListAccessKeys} on alice's user ARN, and the seed
 * policy from a policy directory (everyone's policy): an Allow that needs MFA.
 *
 * <p>Talks to the driver over stdin/stdout: it prints {@code port N} once started, answers
 * {@code cpu} with {@code cpu PROCESS JIT REQUESTS}: this process's CPU time (ns), the time its JIT
 * compilers spent so far (ms; shows whether the warm-up was long enough) and the CPU time of Jetty's
 * request threads (ns; the process's CPU without JIT and GC threads). It stops on {@code stop} or end of
 * input.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.iamgate.bench.http.BenchServer filter</pre>
 */
public final class BenchServer {

    static final String ACCOUNT = "123456789012";
    static final String PATH = "/api/users/alice/access-keys";
    static final String LOGIN_PATH = "/bench/login";
    private static final String POOL = "bench-jetty";
    private static final byte[] BODY_PREFIX = "hello ".getBytes(StandardCharsets.US_ASCII);

    private BenchServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BenchServer bare|session|filter");
        }
        ServerMode mode = ServerMode.valueOf(args[0].toUpperCase(Locale.ROOT));
        Path policies = policyDirectory();
        Server server = start(mode, policies);
        PrintStream out = System.out;
        out.println("port " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
            if (line.equals("cpu")) {
                out.println("cpu " + processCpuNanos() + " " + ManagementFactory.getCompilationMXBean().getTotalCompilationTime()
                        + " " + poolCpuNanos());
                out.flush();
            }
        }
        server.stop();
        System.exit(0);
    }

    static Server start(ServerMode mode, Path policies) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName(POOL);
        pool.setIdleTimeout(600_000); // threads that end take their CPU time with them: keep them for the run
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new LoginServlet()), LOGIN_PATH);
        context.addServlet(new ServletHolder(new HelloServlet(mode)), "/api/*");
        if (mode == ServerMode.FILTER) {
            IamGateSettings settings = new IamGateSettings(policies.toString(), Optional.of("classpath:example-app-routes.json"),
                    ACCOUNT, Mode.ENFORCE, List.of(LOGIN_PATH), List.of(), IamGateSettings.DEFAULT_CACHE_MAX_ENTRIES,
                    Duration.ofSeconds(2), Optional.empty());
            context.addFilter(new FilterHolder(IamGateFilter.builder(settings).build()), "/*",
                    IamGateFilter.dispatcherTypes());
        }
        server.setHandler(context);
        server.start();
        return server;
    }

    /** A policy directory as the filter reads it in production: the seed policy for everyone. */
    private static Path policyDirectory() throws IOException {
        Path root = Files.createTempDirectory("iamgate-http-bench");
        Path everyone = Files.createDirectory(root.resolve("everyone"));
        Path policy = everyone.resolve("mfa-self-manage-policy.json");
        try (InputStream in = BenchServer.class.getClassLoader().getResourceAsStream("mfa-self-manage-policy.json")) {
            if (in == null) {
                throw new IllegalStateException("mfa-self-manage-policy.json is missing from the class path");
            }
            Files.copy(in, policy);
        }
        // the JVM deletes in reverse order of registration: the file, then its folders
        root.toFile().deleteOnExit();
        everyone.toFile().deleteOnExit();
        policy.toFile().deleteOnExit();
        return root;
    }

    /** CPU time of the live threads of Jetty's pool (they run the selectors, the filter and the servlet). */
    private static long poolCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith(POOL)) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Signs alice in with MFA (a benchmark: no password). */
    private static final class LoginServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            IamSessions.signIn(request, IamPrincipal.user(ACCOUNT, "alice", "AIDAALICEEXAMPLE00001"));
            IamSessions.recordMfa(request);
            answer(response, "alice");
        }
    }

    /** The trivial servlet: {@code hello <user>}; who the user is depends on the mode. */
    private static final class HelloServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final ServerMode mode;

        HelloServlet(ServerMode mode) {
            this.mode = mode;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Optional<String> user = switch (mode) {
                case BARE -> Optional.of("alice");
                case SESSION -> IamSessions.current(request).flatMap(session -> session.principal().userName());
                case FILTER -> IamGate.caller(request).flatMap(caller -> caller.principal().userName());
            };
            if (user.isEmpty()) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            answer(response, user.get());
        }
    }

    private static void answer(HttpServletResponse response, String user) throws IOException {
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(BODY_PREFIX.length + name.length);
        response.getOutputStream().write(BODY_PREFIX);
        response.getOutputStream().write(name);
    }
}
