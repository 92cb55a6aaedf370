package dev.iamgate.servlet.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.servlet.mapping.AuthenticatedOnly;
import dev.iamgate.servlet.mapping.IamAction;
import dev.iamgate.servlet.mapping.IamRoutes;
import dev.iamgate.servlet.mapping.PublicRoute;
import dev.iamgate.servlet.mapping.RouteConflictException;
import dev.iamgate.servlet.mapping.RouteKind;
import dev.iamgate.servlet.mapping.RouteMatch;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The initializer in a real container: Jetty 12 ee10 runs it at start-up, the routes land in the
 * context attribute, and a filter built the way the iamgate filter will be maps real requests.
 */
class RoutesInitializerJettyTest {

    private static final String USER = "arn:aws:iam::${account}:user/{user}";

    /** Class-level declarations: reported by @HandlesTypes. */
    @IamAction(value = "iam:ListUsers", method = "GET", path = "/api/users", resource = "*")
    @IamAction(value = "iam:GetUser", method = "GET", path = "/api/users/{user}", resource = USER)
    @SuppressWarnings("serial")
    public static class UsersServlet extends HttpServlet {}

    /** Method-level declarations with the marker: reported by @HandlesTypes too. */
    @IamRoutes(path = "/api/users/{user}/access-keys")
    @SuppressWarnings("serial")
    public static class AccessKeysServlet extends HttpServlet {
        @Override
        @IamAction(value = "iam:CreateAccessKey", resource = USER, context = "iam:TargetUser={user}")
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {}

        @Override
        @IamAction(value = "iam:UpdateAccessKey", method = "PATCH", path = "/{id}", resource = USER)
        protected void service(HttpServletRequest request, HttpServletResponse response) {}
    }

    /** Method-level declarations only, no marker: found because the servlet is registered. */
    @SuppressWarnings("serial")
    public static class LoginServlet extends HttpServlet {
        @Override
        @PublicRoute(path = "/api/login")
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {}
    }

    /** Registered after the iamgate initializer ran: found when the filter starts. */
    @SuppressWarnings("serial")
    public static class SessionTokenServlet extends HttpServlet {
        @Override
        @AuthenticatedOnly(path = "/api/sts/session-token")
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {}
    }

    /** Claims GET /api/users/{name}, which UsersServlet already declares as /api/users/{user}. */
    @IamAction(value = "myapp:GetPerson", method = "GET", path = "/api/users/{name}", resource = "*")
    @SuppressWarnings("serial")
    public static class ConflictingServlet extends HttpServlet {}

    /**
     * Builds its table at init from the context, as the iamgate filter will, and answers each
     * request with its route instead of passing it on.
     */
    public static class RouteEchoFilter implements Filter {
        private RouteTable table;

        @Override
        public void init(FilterConfig config) {
            table = RouteTable.builder("123456789012")
                    .addAll(IamGateRoutesInitializer.declarations(config.getServletContext()))
                    .publicPath("/assets/**")
                    .build();
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException {
            HttpServletRequest request = (HttpServletRequest) req;
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            Optional<RouteMatch> match = table.match(request.getMethod(), path);
            res.setContentType("text/plain");
            res.getWriter().print(match.map(m -> m.kind() + " " + m.action() + " " + m.resource() + " " + m.contextKeys())
                    .orElse("UNMAPPED " + path));
        }
    }

    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private ServletContextHandler start(Class<?>... handlesTypes) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/app");
        context.addServlet(UsersServlet.class, "/api/users/*");
        context.addServlet(AccessKeysServlet.class, "/api/keys/*");
        context.addServlet(LoginServlet.class, "/api/login");
        // what the container's @HandlesTypes scan would report; embedded Jetty takes them explicitly
        context.addServletContainerInitializer(new IamGateRoutesInitializer(), handlesTypes);
        server.setHandler(context);
        return context;
    }

    @Test
    void initializerStoresCheckedDeclarationsInTheContext() throws Exception {
        ServletContextHandler context = start(UsersServlet.class, AccessKeysServlet.class);
        server.start();

        Object attribute = context.getServletContext().getAttribute(IamGateRoutesInitializer.ATTRIBUTE);
        assertThat(attribute).isInstanceOf(DiscoveredRoutes.class);
        DiscoveredRoutes found = (DiscoveredRoutes) attribute;
        assertThat(found.scannedClasses()).contains(UsersServlet.class, AccessKeysServlet.class, LoginServlet.class);

        RouteTable table = RouteTable.builder("123456789012").addAll(found.declarations()).build();
        assertThat(table.match("PATCH", "/api/users/alice/access-keys/AKIA123")).map(RouteMatch::resource)
                .contains("arn:aws:iam::123456789012:user/alice");
        assertThat(table.match("GET", "/api/users")).map(RouteMatch::action).contains("iam:ListUsers");
        assertThat(table.match("POST", "/api/login")).map(RouteMatch::kind).contains(RouteKind.PUBLIC);
        assertThat(table.match("POST", "/api/sts/session-token")).isEmpty();
    }

    @Test
    void filterMapsRealRequests() throws Exception {
        ServletContextHandler context = start(UsersServlet.class, AccessKeysServlet.class);
        // another initializer, running after ours, registers a servlet the filter must still see
        context.addServletContainerInitializer((classes, servletContext) -> servletContext
                .addServlet("session-token", SessionTokenServlet.class)
                .addMapping("/api/sts/session-token"));
        context.addFilter(RouteEchoFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
        server.start();

        URI base = server.getURI().resolve("/app");
        HttpClient client = HttpClient.newHttpClient();

        assertThat(send(client, "PATCH", base + "/api/users/alice/access-keys/AKIA123"))
                .isEqualTo("POLICY_PROTECTED iam:UpdateAccessKey arn:aws:iam::123456789012:user/alice {}");
        assertThat(send(client, "POST", base + "/api/users/bob/access-keys"))
                .isEqualTo("POLICY_PROTECTED iam:CreateAccessKey arn:aws:iam::123456789012:user/bob {iam:TargetUser=bob}");
        assertThat(send(client, "GET", base + "/api/users")).isEqualTo("POLICY_PROTECTED iam:ListUsers * {}");
        assertThat(send(client, "POST", base + "/api/login")).isEqualTo("PUBLIC   {}");
        assertThat(send(client, "POST", base + "/api/sts/session-token")).isEqualTo("AUTHENTICATED_ONLY   {}");
        assertThat(send(client, "GET", base + "/assets/site.css")).isEqualTo("PUBLIC   {}");
        assertThat(send(client, "HEAD", base + "/api/users")).isEmpty();
        assertThat(send(client, "DELETE", base + "/api/users/alice")).isEqualTo("UNMAPPED /api/users/alice");
        // decoded by the container before routing: the value is not an IAM name
        assertThat(send(client, "GET", base + "/api/users/al%2Ace")).isEqualTo("UNMAPPED /api/users/al*ce");
    }

    @Test
    void conflictingAnnotationsStopStartUp() throws Exception {
        ServletContextHandler context = start(UsersServlet.class, ConflictingServlet.class);

        // Jetty fails the context's start with the initializer's exception itself
        assertThatThrownBy(server::start)
                .isInstanceOf(RouteConflictException.class)
                .hasMessageContaining("@IamAction(\"iam:GetUser\") on " + UsersServlet.class.getName())
                .hasMessageContaining("@IamAction(\"myapp:GetPerson\") on " + ConflictingServlet.class.getName());
        assertThat(context.getServletContext().getAttribute(IamGateRoutesInitializer.ATTRIBUTE)).isNull();
    }

    @Test
    void withoutTheInitializerTheFilterStillReadsRegisteredServlets() throws Exception {
        server = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(LoginServlet.class, "/api/login");
        server.setHandler(context);
        server.start();

        assertThat(IamGateRoutesInitializer.declarations(context.getServletContext()))
                .extracting(d -> d.describe()).containsExactly("POST /api/login");
    }

    private static String send(HttpClient client, String method, String uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

}
