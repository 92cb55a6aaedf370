package dev.iamgate.servlet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.servlet.IamGateConfiguration;
import dev.iamgate.servlet.internal.enforce.ConfigurationInitializer;
import dev.iamgate.servlet.testing.DemoServlets;
import dev.iamgate.servlet.testing.RawHttp;
import jakarta.servlet.ServletException;
import java.nio.file.Path;
import java.util.Arrays;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * iamgate switched on by {@link IamGateConfiguration} on a class of the application, with no
 * {@code web.xml} filter: {@link ConfigurationInitializer} registers the filter when Jetty 12 ee10
 * starts the context. Embedded Jetty does not scan for {@code @HandlesTypes}, so each test hands
 * the initializer the classes a scan would report, as a container does.
 */
class AnnotationDeploymentTest {

    @IamGateConfiguration(policies = "classpath:/e2e/policies", mapping = "classpath:/routing/example-app-routes.json",
            publicPaths = "/status")
    static class AnnotatedApp {}

    @IamGateConfiguration(policies = "classpath:/e2e/policies", mapping = "classpath:/routing/example-app-routes.json",
            account = "12")
    static class BrokenAccountApp {}

    @IamGateConfiguration(policies = "classpath:/e2e/policies")
    static class SecondConfiguration {}

    /** What a scan for the annotation also reports: classes without it (e.g. when it is inherited or meta-present). */
    static class UnannotatedClass {}

    @TempDir
    Path temp;

    private final DemoServlets servlets = new DemoServlets();
    private Server server;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void anAnnotatedClassPutsTheFilterOnEveryRequestAnd401sTheAnonymous() throws Exception {
        ServletContextHandler context = start(AnnotatedApp.class, UnannotatedClass.class);

        assertThat(Arrays.stream(context.getServletHandler().getFilters()).map(FilterHolder::getName))
                .containsExactly(ConfigurationInitializer.FILTER_NAME);
        RawHttp anonymous = new RawHttp(port);
        assertThat(anonymous.get("/api/users/alice").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/sts/session-token", "").status()).isEqualTo(401);
        assertThat(anonymous.get("/status").status()).isEqualTo(200);
        assertThat(servlets.served).containsExactly("GET /status");
    }

    @Test
    void anAnnotatedClassEnforcesTheSeedPolicy() throws Exception {
        start(AnnotatedApp.class);

        RawHttp alice = signedIn("alice");
        assertThat(alice.get("/api/users/alice").status()).isEqualTo(200);
        assertThat(alice.post("/api/users/alice/access-keys", "").status()).isEqualTo(403);

        assertThat(alice.post("/api/login/mfa", "").status()).isEqualTo(200);
        assertThat(alice.post("/api/users/alice/access-keys", "").status()).isEqualTo(200);
        assertThat(alice.post("/api/users/bob/access-keys", "").status()).isEqualTo(403);
        assertThat(alice.get("/api/users/bob").status()).isEqualTo(403);
        assertThat(servlets.served).containsExactly("GET /api/users/alice", "POST /api/users/alice/access-keys");
    }

    @Test
    void aBrokenSettingInTheAnnotationStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> start(BrokenAccountApp.class))
                .satisfies(e -> assertThat(Webapps.causes(e))
                        .contains("iamgate setting 'account' must be 12 digits, got \"12\""));
    }

    @Test
    void twoAnnotatedClassesStopStartUp() {
        assertThatThrownBy(() -> start(AnnotatedApp.class, SecondConfiguration.class))
                .satisfies(e -> assertThat(Webapps.causes(e))
                        .contains(ServletException.class.getName() + ": iamgate: @IamGateConfiguration on more than one class")
                        .contains(AnnotatedApp.class.getName())
                        .contains(SecondConfiguration.class.getName()));
    }

    @Test
    void aFilterNamedIamgateInWebXmlWinsOverTheAnnotation() throws Exception {
        // web.xml says REPORT_ONLY, the annotation ENFORCE: only web.xml's filter may run
        Path webapp = Webapps.withSetting(temp, "mode", "REPORT_ONLY");
        server = server();
        WebAppContext app = new WebAppContext(webapp.toString(), "/");
        app.setThrowUnavailableOnStartupException(true);
        app.setAttribute(WebXmlServlets.ATTRIBUTE, servlets);
        app.addServletContainerInitializer(new ConfigurationInitializer(), AnnotatedApp.class);
        server.setHandler(app);
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();

        assertThat(app.getServletHandler().getFilters()).singleElement()
                .satisfies(holder -> assertThat(holder.getName()).isEqualTo(ConfigurationInitializer.FILTER_NAME))
                .satisfies(holder -> assertThat(holder.getInitParameter("mode")).isEqualTo("REPORT_ONLY"));
        RawHttp alice = signedIn("alice");
        assertThat(alice.post("/api/users/alice/access-keys", "").status()).isEqualTo(200);
        assertThat(servlets.served).containsExactly("POST /api/users/alice/access-keys");
    }

    /** Starts a context with the demo servlets, whose initializer is told of {@code scanned}. */
    private ServletContextHandler start(Class<?>... scanned) throws Exception {
        server = server();
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlets.login()), "/api/login");
        context.addServlet(new ServletHolder(servlets.mfa()), "/api/login/mfa");
        context.addServlet(new ServletHolder(servlets.api()), "/api/*");
        context.addServlet(new ServletHolder(servlets.api()), "/status");
        context.addServletContainerInitializer(new ConfigurationInitializer(), scanned);
        server.setHandler(context);
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return context;
    }

    private static Server server() {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        return server;
    }

    private RawHttp signedIn(String user) {
        RawHttp client = new RawHttp(port);
        assertThat(client.post("/api/login", "user=" + user).status()).isEqualTo(200);
        return client;
    }
}
