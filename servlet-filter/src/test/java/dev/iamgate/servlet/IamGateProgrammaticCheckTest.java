package dev.iamgate.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamgate.eval.Decision;
import dev.iamgate.servlet.testing.DemoServlets;
import dev.iamgate.servlet.testing.RawHttp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Servlets behind the filter ask further questions with the caller's policies (IamGate). */
class IamGateProgrammaticCheckTest {

    private static final List<String> USERS = List.of("alice", "bob", "team-ops", "team-dev", "carol");

    private Server server;
    private int port;

    /** GET /api/directory: the users whose entry the caller may read, and the filter's own decision. */
    static final class DirectoryServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            List<String> readable = IamGate.permitted(request, USERS, "iam:GetUser",
                    user -> "arn:aws:iam::123456789012:user/" + user);
            String decidedBy = IamGate.decision(request).flatMap(Decision::decidingStatement)
                    .map(ref -> ref.displayName()).orElse("none");
            boolean mayDeleteBob = IamGate.isAllowed(request, "iam:DeleteUser", "arn:aws:iam::123456789012:user/bob");
            byte[] body = (String.join(",", readable) + "|" + decidedBy + "|" + mayDeleteBob).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        /** POST /api/directory with a user name as the body: the route is mapped to {@code *}, the name is checked here. */
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String user = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Optional<Denial> refusal = IamGate.refusal(request, "iam:CreateUser", "arn:aws:iam::123456789012:user/" + user);
            byte[] body = refusal.map(denial -> denial.status() + " " + denial.code() + ": " + denial.message())
                    .orElse("created " + user).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    @BeforeEach
    void start() throws Exception {
        DemoServlets servlets = new DemoServlets();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.addServlet(new ServletHolder(servlets.login()), "/api/login");
        context.addServlet(new ServletHolder(new DirectoryServlet()), "/api/directory");
        IamGateFilter filter = IamGateFilter.builder(new IamGateSettings("classpath:/programmatic/policies",
                Optional.of("classpath:/programmatic/routes.json"), DemoServlets.ACCOUNT, Mode.ENFORCE, List.of(),
                List.of(), 100, Duration.ofSeconds(2), Optional.empty())).build();
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aServletListsOnlyTheItemsTheCallerMayReadWithTheFiltersPolicies() {
        RawHttp alice = new RawHttp(port);
        alice.post("/api/login", "user=alice");

        RawHttp.Response response = alice.get("/api/directory");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("alice,team-ops,team-dev|ListTheDirectory|false");
    }

    @Test
    void aDenyOnTheResourceNamedInTheBodyRefusesWhatTheRoutesStarResourceLetThrough() {
        RawHttp alice = new RawHttp(port);
        alice.post("/api/login", "user=alice");

        RawHttp.Response allowed = alice.post("/api/directory", "carol");
        RawHttp.Response denied = alice.post("/api/directory", "admin-root");

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("created carol");
        assertThat(denied.status()).isEqualTo(200); // the filter let the route's * through; the servlet refused
        assertThat(denied.body()).isEqualTo("403 AccessDenied: User: arn:aws:iam::123456789012:user/alice is not "
                + "authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/admin-root "
                + "with an explicit deny in an identity-based policy");
    }

    /**
     * Each request has the filter's line for the route, then the handler's own for the user it
     * named. The servlet-filter pom runs this class with the decision log on; in a JVM where it is
     * off (this module's other tests, or {@code -Dtest} naming this class) there is no line to read.
     */
    @Test
    void aHandlersCheckWritesItsOwnDecisionLogLine() {
        assumeTrue(LoggerFactory.getLogger("dev.iamgate.decision").isInfoEnabled(), "the decision log is off in this JVM");
        RawHttp alice = new RawHttp(port);
        alice.post("/api/login", "user=alice");

        List<String> lines;
        try (ErrCapture log = ErrCapture.start()) {
            alice.post("/api/directory", "carol");
            alice.post("/api/directory", "admin-root");
            lines = log.lines().stream().filter(line -> line.contains(" dev.iamgate.decision - ")).toList();
        }

        String alicePost = " principal=\"arn:aws:iam::123456789012:user/alice\" method=\"POST\" path=\"/api/directory\"";
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("decision=Allow" + alicePost, "resource=\"*\"");
        assertThat(lines.get(1)).contains("decision=Allow check=handler" + alicePost,
                "action=\"iam:CreateUser\" resource=\"arn:aws:iam::123456789012:user/carol\"");
        assertThat(lines.get(2)).contains("decision=Allow" + alicePost, "resource=\"*\"");
        assertThat(lines.get(3)).contains("decision=ExplicitDeny check=handler" + alicePost,
                "resource=\"arn:aws:iam::123456789012:user/admin-root\"");
    }

    /** What is written to {@code System.err} (where slf4j-simple logs) while open, instead of the console. */
    private static final class ErrCapture implements AutoCloseable {
        private final PrintStream console = System.err;
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();

        static ErrCapture start() {
            ErrCapture capture = new ErrCapture();
            System.setErr(new PrintStream(capture.written, true, StandardCharsets.UTF_8));
            return capture;
        }

        List<String> lines() {
            System.err.flush();
            return written.toString(StandardCharsets.UTF_8).lines().toList();
        }

        @Override
        public void close() {
            System.setErr(console);
        }
    }
}
