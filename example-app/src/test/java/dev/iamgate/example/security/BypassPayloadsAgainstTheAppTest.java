package dev.iamgate.example.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet filter's path-confusion payloads ({@code security/bypass-payloads.json}, a byte-for-byte
 * copy of servlet-filter's) against the whole real app: Jetty, the app's own filters, the API servlet
 * and the static files at {@code /} and {@code /assets/…}. Each path is written byte for byte on a
 * raw socket, so no client normalises it. Neither a caller without a session nor a user signed in
 * with MFA who has no right to the target gets a 2xx; the entries marked {@code expect: 400} get
 * exactly 400.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BypassPayloadsAgainstTheAppTest {

    private record Payload(String path, String target, String expect, String why) {}

    /** A signed-in caller as it appears on the wire: its session cookie and CSRF token. */
    private record Caller(String name, String cookie, String csrfToken) {}

    @TempDir
    static Path data;

    private TestApp app;
    private List<Payload> payloads;
    private Caller alice;
    private Caller bob;

    @BeforeAll
    void start() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/security/bypass-payloads.json")) {
            assertThat(in).as("security/bypass-payloads.json").isNotNull();
            JsonNode list = JsonMapper.builder().build().readTree(in);
            payloads = new ArrayList<>();
            for (JsonNode entry : list) {
                payloads.add(new Payload(entry.path("path").asString(), entry.path("target").asString(),
                        entry.path("expect").asString(), entry.path("why").asString()));
            }
        }
        assertThat(payloads).hasSizeGreaterThan(30);
        app = TestApp.start(data);
        alice = signInWithMfa("alice");
        bob = signInWithMfa("bob");
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    private Caller signInWithMfa(String user) {
        String seed = app.enableVirtualMfa(app.signIn(user, TestApp.PASSWORD), user);
        ApiClient client = app.signInWithMfa(user, TestApp.PASSWORD, seed);
        // The session works for its own user, with MFA, over the same raw socket.
        ApiClient.Response session = client.get("/api/session");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().path("MfaAuthenticated").asBoolean()).isTrue();
        HttpCookie cookie = client.cookies().stream().filter(c -> c.getName().equals("IAMGATE_SESSION"))
                .findFirst().orElseThrow();
        Caller caller = new Caller(user, cookie.getName() + "=" + cookie.getValue(), client.csrfToken());
        assertThat(rawGet("/api/users/" + user + "/access-keys", caller))
                .as("the raw request of a signed-in %s on her own keys", user).isEqualTo(200);
        return caller;
    }

    @Test
    void noPayloadReachesItsTargetWithoutASession() {
        SoftAssertions soft = new SoftAssertions();
        for (Payload payload : payloads) {
            check(soft, payload, null);
        }
        soft.assertAll();
    }

    @Test
    void noPayloadReachesAnotherUsersDataWithAnMfaSession() {
        SoftAssertions soft = new SoftAssertions();
        for (Payload payload : payloads) {
            Caller caller = payload.target().startsWith("/api/users/bob") ? alice : bob;
            check(soft, payload, caller);
        }
        soft.assertAll();
    }

    @Test
    void theStaticFilesAreServedButNoPayloadGetsProtectedDataThroughThem() {
        assertThat(rawGet("/", null)).isEqualTo(200);
        SoftAssertions soft = new SoftAssertions();
        for (Payload payload : payloads) {
            String text = rawExchange(payload.path(), null);
            // Whatever the answer, it never carries the API's data (an access-key list or a user).
            soft.assertThat(text).as("%s (%s)", payload.path(), payload.why())
                    .doesNotContain("AccessKeyMetadata").doesNotContain("\"User\"");
        }
        soft.assertAll();
    }

    private void check(SoftAssertions soft, Payload payload, Caller caller) {
        int status = rawGet(payload.path(), caller);
        String who = caller == null ? "no session" : caller.name();
        soft.assertThat(status / 100).as("status class of %s as %s (%s): %s", payload.path(), who, payload.why(),
                status).isNotEqualTo(2);
        if ("400".equals(payload.expect())) {
            soft.assertThat(status).as("%s as %s (%s)", payload.path(), who, payload.why()).isEqualTo(400);
        }
    }

    private int rawGet(String path, Caller caller) {
        String text = rawExchange(path, caller);
        String statusLine = text.lines().findFirst().orElse("");
        assertThat(statusLine).as("answer to %s", path).startsWith("HTTP/1.1 ");
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    /** The whole answer to {@code GET path}, the path written exactly as given. */
    private String rawExchange(String path, Caller caller) {
        StringBuilder request = new StringBuilder()
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(app.port()).append("\r\n");
        if (caller != null) {
            request.append("Cookie: ").append(caller.cookie()).append("\r\n");
            request.append("X-CSRF-Token: ").append(caller.csrfToken()).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
