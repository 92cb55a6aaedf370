package dev.iamgate.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example app's WAR on Tomcat 11, where the demo's own runner and the example app's tests use
 * Jetty: the exploded webapp the build makes ({@code example-app/target/iamgate-example-app/}, the
 * content of {@code iamgate-example-app.war}), so its {@code WEB-INF/web.xml}, bootstrap listener,
 * IamGateFilter and route mapping run as a Jakarta EE 11 container runs them, each jar of
 * {@code WEB-INF/lib} in the webapp's own class loader.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleAppWarOnTomcat11Test {

    private static final Path WEBAPP = Path.of("..", "example-app", "target", "iamgate-example-app");
    /** The example app's {@code Settings.PASSWORD_VARIABLE}: the first start's password for every user. */
    private static final String PASSWORD_PROPERTY = "IAMGATE_DEMO_PASSWORD";
    private static final String PASSWORD = "Tomcat-Passw0rd!";
    /** The example app's {@code WarBootstrap.DATA_PARAMETER}: where the WAR keeps its database. */
    private static final String DATA_PARAMETER = "iamgate.example.data";
    private static final Pattern CSRF_TOKEN = Pattern.compile("\"CsrfToken\":\"([^\"]+)\"");

    @TempDir
    static Path work;

    private Tomcat tomcat;
    private int port;

    @BeforeAll
    void deploy() throws Exception {
        assertThat(WEBAPP.resolve("WEB-INF/web.xml")).as("the example app's exploded WAR (built at process-classes)").exists();
        System.setProperty(PASSWORD_PROPERTY, PASSWORD);
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(work.resolve("tomcat")).toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        // Tomcat's defaults but its JSP servlet, which the app does not use and this test does not have
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context webapp = tomcat.addWebapp("", WEBAPP.toAbsolutePath().toString());
        Wrapper files = webapp.createWrapper();
        files.setName("default");
        files.setServletClass("org.apache.catalina.servlets.DefaultServlet");
        webapp.addChild(files);
        webapp.addServletMappingDecoded("/", "default");
        webapp.addWelcomeFile("index.html");
        Tomcat.addDefaultMimeTypeMappings(webapp);
        webapp.addParameter(DATA_PARAMETER, Files.createDirectories(work.resolve("data")).toString());
        // As a standalone Tomcat: scan the webapp's jars, not this test's class path, whose
        // servlet-filter test classes carry deliberately wrong annotations for the app's initializer
        ((StandardJarScanner) webapp.getJarScanner()).setScanClassPath(false);
        tomcat.start();
        assertThat(webapp.getState().isAvailable()).as("the webapp started").isTrue();
        port = connector.getLocalPort();
    }

    @AfterAll
    void undeploy() throws Exception {
        try {
            if (tomcat != null) {
                tomcat.stop();
                tomcat.destroy();
            }
        } finally {
            System.clearProperty(PASSWORD_PROPERTY);
        }
    }

    @Test
    void thePageIsPublic() throws Exception {
        HttpResponse<String> page = send(client(), "GET", "/", null, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<html");
    }

    @Test
    void withoutSigningInTheApiAnswers401WithTheAppsSecurityHeaders() throws Exception {
        HttpResponse<String> denied = send(client(), "GET", "/api/users/alice", null, null);

        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.body()).contains("\"Code\":\"NotAuthenticated\"");
        assertThat(denied.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aliceSignedInWithoutMfaReadsHerselfButMayNotCreateAnAccessKeyNorReadBob() throws Exception {
        HttpClient alice = client();
        HttpResponse<String> login = send(alice, "POST", "/api/login",
                "{\"UserName\":\"alice\",\"Password\":\"" + PASSWORD + "\"}", null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        Matcher token = CSRF_TOKEN.matcher(login.body());
        assertThat(token.find()).as(login.body()).isTrue();

        HttpResponse<String> user = send(alice, "GET", "/api/users/alice", null, null);
        HttpResponse<String> key = send(alice, "POST", "/api/users/alice/access-keys", null, token.group(1));
        HttpResponse<String> bob = send(alice, "GET", "/api/users/bob", null, null);

        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        assertThat(user.body()).contains("\"UserName\":\"alice\"");
        assertThat(key.statusCode()).as("CreateAccessKey without MFA: %s", key.body()).isEqualTo(403);
        assertThat(key.body()).contains("\"Code\":\"AccessDenied\"");
        assertThat(bob.statusCode()).isEqualTo(403);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String json, String csrfToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
