package dev.iamgate.servlet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.servlet.source.PolicyFiles;
import dev.iamgate.servlet.testing.DemoServlets;
import dev.iamgate.servlet.testing.RawHttp;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A web application deployed the way a user deploys one: a directory with {@code WEB-INF/web.xml}
 * declaring {@code dev.iamgate.servlet.IamGateFilter} and its settings as init-parameters, on a
 * real Jetty 12 ee10 {@link WebAppContext}. The seed policy holds over HTTP; each setting read from
 * {@code web.xml} takes effect; a wrong one stops the deployment instead of serving unchecked.
 */
class WebXmlDeploymentTest {

    @TempDir
    Path temp;

    private final DemoServlets servlets = new DemoServlets();
    private Server server;
    private WebAppContext app;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void withoutSigningInProtectedRoutesAnswer401AndPublicPathsPassUnchecked() throws Exception {
        deploy(Webapps.shipped());
        RawHttp anonymous = new RawHttp(port);

        RawHttp.Response protectedRoute = anonymous.get("/api/users/alice");
        assertThat(protectedRoute.status()).isEqualTo(401);
        assertThat(errorCode(protectedRoute)).isEqualTo("NotAuthenticated");
        assertThat(anonymous.get("/status").status()).isEqualTo(200);
        // public, so passed on to the container, which has nothing there
        assertThat(anonymous.get("/docs/intro").status()).isEqualTo(404);
        assertThat(servlets.served).containsExactly("GET /status");
    }

    @Test
    void withoutMfaAliceReadsHerselfButCreatesNoAccessKey() throws Exception {
        deploy(Webapps.shipped());
        RawHttp alice = signedIn("alice", false);

        assertThat(alice.get("/api/users/alice").status()).isEqualTo(200);
        RawHttp.Response createKey = alice.post("/api/users/alice/access-keys", "");
        assertThat(createKey.status()).isEqualTo(403);
        assertThat(createKey.body()).contains("is not authorized to perform: iam:CreateAccessKey on resource: "
                + "arn:aws:iam::123456789012:user/alice with an explicit deny");
        assertThat(servlets.served).containsExactly("GET /api/users/alice");
    }

    @Test
    void withMfaAliceManagesHerOwnAccessKeysAndNotBobs() throws Exception {
        deploy(Webapps.shipped());
        RawHttp alice = signedIn("alice", true);

        assertThat(alice.post("/api/users/alice/access-keys", "").status()).isEqualTo(200);
        assertThat(alice.get("/api/users/alice/access-keys").status()).isEqualTo(200);
        RawHttp.Response bobsKeys = alice.post("/api/users/bob/access-keys", "");
        assertThat(bobsKeys.status()).isEqualTo(403);
        assertThat(errorCode(bobsKeys)).isEqualTo("AccessDenied");
        assertThat(alice.get("/api/users/bob").status()).isEqualTo(403);
        assertThat(servlets.served)
                .containsExactly("POST /api/users/alice/access-keys", "GET /api/users/alice/access-keys");
    }

    @Test
    void aPolicyDirectoryNamedInWebXmlIsEnforcedAndReReadAtTheRefreshInterval() throws Exception {
        Path policies = temp.resolve("policies");
        Files.createDirectories(policies.resolve("everyone"));
        try (InputStream seed = Objects.requireNonNull(
                getClass().getResourceAsStream("/e2e/policies/everyone/mfa-self-manage-policy.json"))) {
            Files.copy(seed, policies.resolve("everyone/mfa-self-manage-policy.json"));
        }
        deploy(Webapps.withSetting(temp, "policies", policies.toString()));
        RawHttp alice = signedIn("alice", false);
        assertThat(alice.get("/api/users/alice").status()).isEqualTo(200);
        assertThat(alice.post("/api/users/alice/access-keys", "").status()).isEqualTo(403);

        PolicyFiles.writeAtomically(policies, "users/alice/no-self-read.json", PolicyFiles.policy("Deny", "iam:GetUser"));

        // web.xml says refresh 200ms: the new Deny is in force well within a few seconds, without a restart
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status;
        while ((status = alice.get("/api/users/alice").status()) == 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(status).isEqualTo(403);
    }

    @Test
    void modeReportOnlyInWebXmlLogsRefusalsAndLetsRequestsThrough() throws Exception {
        deploy(Webapps.withSetting(temp, "mode", "report-only"));
        RawHttp alice = signedIn("alice", false);

        assertThat(alice.post("/api/users/alice/access-keys", "").status()).isEqualTo(200);
        assertThat(new RawHttp(port).get("/api/users/bob").status()).isEqualTo(200);
        assertThat(servlets.served).containsExactly("POST /api/users/alice/access-keys", "GET /api/users/bob");
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            account  | 12                                 | iamgate setting 'account' must be 12 digits, got "12"
            mode     | AUDIT                              | iamgate setting 'mode' must be ENFORCE or REPORT_ONLY, got "AUDIT"
            refresh  | soon                               | iamgate setting 'refresh' must be a duration
            policies | ' '                                | iamgate setting 'policies' is required
            mapping  | classpath:/deploy/no-such-map.json | mapping file classpath:/deploy/no-such-map.json is not on the class path
            """)
    void aBrokenSettingInWebXmlFailsTheDeploymentNamingTheSetting(String name, String value, String message)
            throws Exception {
        deploy(Webapps.withSetting(temp, name, value));

        assertThat(app.isAvailable()).as("the application is available").isFalse();
        assertThat(app.getUnavailableException()).isNotNull();
        assertThat(Webapps.causes(app.getUnavailableException())).contains("iamgate cannot start: " + message);
        RawHttp client = new RawHttp(port);
        assertThat(client.post("/api/login", "user=alice").status()).isEqualTo(503);
        assertThat(client.get("/status").status()).isEqualTo(503);
        assertThat(client.get("/api/users/alice").status()).isEqualTo(503);
        assertThat(servlets.served).isEmpty();
    }

    @Test
    void aBrokenSettingFailsServerStartWhenTheContainerIsToldToThrow() throws Exception {
        Path webapp = Webapps.withSetting(temp, "account", "12");

        assertThatThrownBy(() -> deploy(webapp, true))
                .satisfies(e -> assertThat(Webapps.causes(e)).contains("iamgate setting 'account' must be 12 digits"));
        assertThat(app.isAvailable()).isFalse();
    }

    private void deploy(Path webapp) throws Exception {
        deploy(webapp, false);
    }

    /** Deploys the directory as a web application at {@code /} on a fresh server. */
    private void deploy(Path webapp, boolean throwUnavailable) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        app = new WebAppContext(webapp.toString(), "/");
        app.setThrowUnavailableOnStartupException(throwUnavailable);
        app.setAttribute(WebXmlServlets.ATTRIBUTE, servlets);
        server.setHandler(app);
        server.start();
        port = connector.getLocalPort();
    }

    private RawHttp signedIn(String user, boolean mfa) {
        RawHttp client = new RawHttp(port);
        assertThat(client.post("/api/login", "user=" + user).status()).isEqualTo(200);
        if (mfa) {
            assertThat(client.post("/api/login/mfa", "").status()).isEqualTo(200);
        }
        return client;
    }

    private static String errorCode(RawHttp.Response response) {
        return JsonMapper.builder().build().readTree(response.body()).path("Error").path("Code").asString();
    }
}
