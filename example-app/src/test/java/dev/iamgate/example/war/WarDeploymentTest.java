package dev.iamgate.example.war;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.runner.Settings;
import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAR as a container sees it: the exploded webapp that the build makes
 * ({@code target/iamgate-example-app/}, the same content as {@code target/iamgate-example-app.war})
 * deployed on a real Jetty ee10 {@link WebAppContext}, so WEB-INF/web.xml, the bootstrap listener
 * and the ServiceLoader entries of the {@code IamGateFilter} are what run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarDeploymentTest {

    private static final Path WEBAPP = Path.of("target", "iamgate-example-app");

    @TempDir
    static Path data;

    private Server server;
    private int port;

    @BeforeAll
    void deploy() throws Exception {
        assertThat(WEBAPP.resolve("WEB-INF/web.xml")).as("the exploded WAR (built at process-classes)").exists();
        assertThat(Files.readString(WEBAPP.resolve("WEB-INF/web.xml")))
                .contains("<filter-class>dev.iamgate.servlet.IamGateFilter</filter-class>")
                .contains("classpath:/iam-routes.json");
        System.setProperty(Settings.PASSWORD_VARIABLE, TestApp.PASSWORD);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setWar(WEBAPP.toAbsolutePath().toString());
        webapp.setInitParameter(WarBootstrap.DATA_PARAMETER, data.toString());
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    void undeploy() throws Exception {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            System.clearProperty(Settings.PASSWORD_VARIABLE);
        }
    }

    @Test
    void thePageIsPublic() {
        ApiClient.Response page = new ApiClient(port).get("/");
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.text()).containsIgnoringCase("<html");
    }

    @Test
    void withoutSigningInTheApiAnswers401() {
        ApiClient.Response denied = new ApiClient(port).get("/api/users/alice");
        assertThat(denied.status()).isEqualTo(401);
        // The listener's filters match before web.xml's IamGateFilter: even its 401 has the headers.
        assertThat(denied.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aliceSignedInWithoutMfaReadsHerselfButMayNotCreateAnAccessKey() {
        ApiClient alice = new ApiClient(port);
        ApiClient.Response login = alice.post("/api/login", ApiClient.json("UserName", "alice", "Password",
                TestApp.PASSWORD));
        assertThat(login.status()).as("sign-in: %s", login).isEqualTo(200);
        assertThat(alice.cookies()).anyMatch(cookie -> cookie.getName().equals("IAMGATE_SESSION"));

        ApiClient.Response user = alice.get("/api/users/alice");
        assertThat(user.status()).as("GetUser: %s", user).isEqualTo(200);
        assertThat(user.json().path("User").path("UserName").asString()).isEqualTo("alice");

        ApiClient.Response key = alice.post("/api/users/alice/access-keys");
        assertThat(key.status()).as("CreateAccessKey without MFA: %s", key).isEqualTo(403);
        assertThat(key.errorCode()).isEqualTo("AccessDenied");

        assertThat(alice.get("/api/users/bob").status()).isEqualTo(403);
    }
}
