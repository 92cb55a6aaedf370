package dev.iamgate.servlet.internal.firewall;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.servlet.internal.firewall.FirewallResult.Accepted;
import dev.iamgate.servlet.internal.firewall.FirewallResult.Rejected;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The firewall in front of a real Jetty 12 ee10 server, every payload of the shared list and more
 * variants of its families sent byte for byte over a plain socket, in the root context and in a
 * context {@code /app}.
 *
 * <p>Each context has a "protected" servlet at {@code /api/users/*} answering 200, a default
 * servlet at {@code /} answering 404, and a {@link FirewallFilter} that answers 400 when the
 * firewall rejects. Both servlets record the path the container dispatched to them.
 *
 * <p>Jetty is made as permissive as it goes — {@link UriCompliance#UNSAFE} and
 * {@code decodeAmbiguousURIs} — so that it dispatches {@code %2F}, {@code %2e%2e}, {@code ..;},
 * {@code %0a}, {@code %25} and malformed UTF-8, and it is the filter that rejects them: the
 * firewall holds on a container that protects nothing. Only the fragment violation stays
 * disallowed: Jetty parses a fragment off the request-target before any filter runs (so the
 * firewall cannot see it), and Servlet 6 requires the 400 that Jetty then answers. A few more
 * targets Jetty cannot parse at all (a {@code %00}, a bare {@code %}) and answers 400 itself.
 *
 * <p>The guarantees checked: the protected servlet never runs on a payload's target; every
 * {@code expect: 400} payload gets exactly 400, from the firewall unless Jetty refused the target
 * outright, with no servlet run; and whenever the firewall accepts, the path it accepted is the
 * path the container dispatched. An {@code expect: deny} payload the firewall accepts (a
 * case-changed user name, a trailing slash, a {@code .json} suffix) may run the protected servlet
 * here, as there is no router in this test: the filter's router sees the same path and denies it.
 * Clean requests pass, so the test cannot pass by rejecting everything.
 */
class FirewallContainerTest {

    /** Everything Jetty 12 can be told to let through, except fragments (see the class comment). */
    static final UriCompliance PERMISSIVE =
            UriCompliance.UNSAFE.without("UNSAFE_EXCEPT_FRAGMENT", UriCompliance.Violation.FRAGMENT);

    private static final PathFirewall FIREWALL = PathFirewall.strict();
    private static final String PATH_ATTRIBUTE = FirewallContainerTest.class.getName() + ".path";
    private static final List<String> CONTEXTS = List.of("", "/app");

    /** What happened to the request in flight; the tests send one request at a time. */
    private static final Journal JOURNAL = new Journal();

    private static Server server;
    private static int port;

    @BeforeAll
    static void startJetty() throws Exception {
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(PERMISSIVE);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        for (String context : CONTEXTS) {
            contexts.addHandler(context(context));
        }
        server.setHandler(contexts);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stopJetty() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private static ServletContextHandler context(String contextPath) {
        ServletContextHandler context = new ServletContextHandler(contextPath.isEmpty() ? "/" : contextPath);
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        context.addFilter(new FilterHolder(new FirewallFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("protected", new RecordingServlet("protected", 200)), "/api/users/*");
        context.addServlet(new ServletHolder("default", new RecordingServlet("default", 404)), "/");
        return context;
    }

    static Stream<Arguments> payloadsInEachContext() {
        return CONTEXTS.stream().flatMap(context -> BypassPayload.all().stream().map(p -> Arguments.of(context, p)));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("payloadsInEachContext")
    void payloadNeverReachesItsTarget(String context, BypassPayload payload) throws IOException {
        String target = context + payload.path();
        Exchange exchange = exchange(target);

        assertThat(exchange.runs())
                .noneMatch(run -> run.servlet().equals("protected") && run.dispatched().equals(payload.target()));
        assertDispatchedPathIsTheAcceptedPath(exchange);
        if (payload.mustBeRejected()) {
            assertThat(exchange.status()).isEqualTo(400);
            assertThat(exchange.runs()).isEmpty();
            if (exchange.decisions().isEmpty()) {
                // Jetty answered before any filter: only the fragment does that on this container.
                assertThat(payload.path()).contains("#");
                assertThat(FIREWALL.inspect(target, context)).isInstanceOf(Rejected.class);
            } else {
                assertThat(exchange.decisions()).singleElement().isInstanceOf(Rejected.class);
            }
        } else if (exchange.acceptedPath() != null) {
            assertThat(exchange.acceptedPath()).isNotEqualTo(payload.target());
        } else {
            assertThat(exchange.status()).isEqualTo(400);
            assertThat(exchange.runs()).isEmpty();
        }
    }

    static Stream<Arguments> familyVariantsInEachContext() {
        List<String> variants = List.of(
                "/api/users/bob/%2E%2E/alice/access-keys", "/api/users/bob/%2e./alice/access-keys",
                "/api/users/alice/access-keys/%2e%2e", "/api/users/alice/access-keys/.", "/api/users/bob/.../alice/access-keys",
                "/api/users/bob/..%2Falice/access-keys", "/api/users/alice%2faccess-keys", "/api%2Fusers/alice/access-keys",
                "/api/users/alice%25%32%66access-keys", "/api/users/%252E%252E/alice/access-keys", "/api/users/alice%2525",
                "/api/users/bob/..%5Calice/access-keys", "/api/users/alice%5caccess-keys", "/api/users/bob/..\\alice/access-keys",
                "/api/users/alice/access-keys;jsessionid=0", "/api/users/alice/access-keys%3b.css", "/assets/..;/api/users/alice/access-keys",
                "/api/users/bob/.;/alice/access-keys", "//api//users/alice/access-keys", "/api/users/alice//access-keys",
                "/api/users/alice/access-keys%00", "/api/users/alice/access-keys%09", "/api/users/alice/access-keys%0D%0A",
                "/api/users/alice/access-keys%1b", "/api/users/alice/access-keys%c2%85", "/api/users/alice/access-keys%E2%80%A9",
                "/api/users/alice/access-keys%e2%80%8b", "/api/users/alice/access-keys%ef%bb%bf", "/api/users/alice%C0%AFaccess-keys",
                "/api/users/%c0%ae%c0%ae/alice/access-keys", "/api/users/alice%e0%80%afaccess-keys", "/api/users/bob/access-keys%ed%a0%80",
                "/api/users/bob/access-keys%f4%90%80%80", "/api/users/alice%u002faccess-keys", "/api/users/alice%", "/api/users/alice%2",
                "/api/users/alice/access-keys%ef%bc%8f", "/api/users/bob/%ef%bc%8e%ef%bc%8e/alice/access-keys",
                "/api/users/alice/access-keys%c2%a0", "/api/users/alice/access-keys%e3%80%80", "/api/users/alice%3Faccess-keys",
                "/api/users/alice/access-keys#", "/api/users/alice/access-keys{x}");
        return CONTEXTS.stream().flatMap(context -> variants.stream().map(v -> Arguments.of(context, v)));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("familyVariantsInEachContext")
    void familyVariantIsAnswered400WithoutReachingAServlet(String context, String path) throws IOException {
        String target = context + path;
        Exchange exchange = exchange(target);

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.runs()).isEmpty();
        assertThat(FIREWALL.inspect(target, context)).isInstanceOf(Rejected.class);
        if (exchange.decisions().isEmpty()) {
            assertThat(jettyRefusesItself(target)).as("Jetty answered 400 before the filter").isTrue();
        } else {
            assertThat(exchange.decisions()).singleElement().isInstanceOf(Rejected.class);
        }
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        "''    | /api/users/alice/access-keys                 | protected | /api/users/alice/access-keys",
        "/app  | /api/users/alice/access-keys                 | protected | /api/users/alice/access-keys",
        "''    | /api/users/bob/access-keys/AKIAIOSFODNN7EXAMPLE | protected | /api/users/bob/access-keys/AKIAIOSFODNN7EXAMPLE",
        "/app  | /api/users/alice%40example.com/access-keys    | protected | /api/users/alice@example.com/access-keys",
        "''    | /api/users/alice+1=2,3/ssh-public-keys       | protected | /api/users/alice+1=2,3/ssh-public-keys",
        "''    | /api/users/alice.smith/mfa-devices           | protected | /api/users/alice.smith/mfa-devices",
        "/app  | /api/users/caf%C3%A9/password                | protected | /api/users/caf\u00e9/password",
        "''    | /api/%75sers/alice                           | protected | /api/users/alice",
        "''    | /api/users                                   | protected | /api/users",
        "/app  | /index.html                                  | default   | /index.html",
        "''    | /API/users/bob/access-keys                   | default   | /API/users/bob/access-keys",
    })
    void cleanRequestReachesTheServletThatServesIt(String context, String path, String servlet, String dispatched)
            throws IOException {
        Exchange exchange = exchange(context + path);

        assertThat(exchange.status()).isEqualTo(servlet.equals("protected") ? 200 : 404);
        assertThat(exchange.acceptedPath()).isEqualTo(dispatched);
        assertThat(exchange.runs()).singleElement().isEqualTo(new Run(servlet, dispatched, dispatched));
    }

    private static void assertDispatchedPathIsTheAcceptedPath(Exchange exchange) {
        for (Run run : exchange.runs()) {
            assertThat(run.dispatched()).as("dispatched to %s", run.servlet()).isEqualTo(run.acceptedPath());
        }
    }

    /** Whether Jetty answers 400 to this target on its own under {@link #PERMISSIVE}. */
    private static boolean jettyRefusesItself(String target) {
        try {
            HttpURI uri = HttpURI.from(target);
            uri.getDecodedPath();
            return uri.getViolations().stream().anyMatch(violation -> !PERMISSIVE.allows(violation));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** Sends {@code GET target} byte for byte and returns what the server and the filter did. */
    private static Exchange exchange(String target) throws IOException {
        JOURNAL.clear();
        int status;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(UTF_8));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), ISO_8859_1);
            // "HTTP/1.1 400 Bad Request"
            int space = response.indexOf(' ');
            assertThat(space).as("response to %s: %s", target, response).isPositive();
            status = Integer.parseInt(response.substring(space + 1, space + 4));
        }
        // The connection is closed after the response is complete, so the servlet and filter are done.
        return JOURNAL.snapshot(status);
    }

    /** One servlet run: which servlet, the firewall's accepted path, the container's dispatched path. */
    record Run(String servlet, String acceptedPath, String dispatched) {}

    /** The status, the firewall's decisions and the servlet runs of one request. */
    record Exchange(int status, List<FirewallResult> decisions, List<Run> runs) {

        /** The path the firewall accepted, or null. */
        String acceptedPath() {
            return decisions.stream().filter(Accepted.class::isInstance).map(d -> ((Accepted) d).path())
                    .findFirst().orElse(null);
        }
    }

    private static final class Journal {
        private final List<FirewallResult> decisions = new ArrayList<>();
        private final List<Run> runs = new ArrayList<>();

        synchronized void clear() {
            decisions.clear();
            runs.clear();
        }

        synchronized void decided(FirewallResult result) {
            decisions.add(result);
        }

        synchronized void ran(Run run) {
            runs.add(run);
        }

        synchronized Exchange snapshot(int status) {
            return new Exchange(status, List.copyOf(decisions), List.copyOf(runs));
        }
    }

    /** The test's stand-in for the iamgate filter: the firewall first, 400 on rejection. */
    static final class FirewallFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            FirewallResult result = FIREWALL.inspect(http.getRequestURI(), http.getContextPath());
            JOURNAL.decided(result);
            if (result instanceof Rejected rejected) {
                ((HttpServletResponse) response).sendError(400, rejected.violation().name());
                return;
            }
            request.setAttribute(PATH_ATTRIBUTE, ((Accepted) result).path());
            chain.doFilter(request, response);
        }
    }

    /** Answers a fixed status and records the path the container dispatched to it. */
    static final class RecordingServlet extends HttpServlet {
        private final String name;
        private final int status;

        RecordingServlet(String name, int status) {
            this.name = name;
            this.status = status;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String pathInfo = request.getPathInfo();
            String dispatched = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
            JOURNAL.ran(new Run(name, (String) request.getAttribute(PATH_ATTRIBUTE), dispatched));
            response.setStatus(status);
            response.setContentType("text/plain");
            response.getWriter().print(name);
        }
    }
}
