package dev.iamgate.example.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.TestApp;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request refused before its body is read leaves that body on the connection, so the container
 * closes the connection after the answer; the answer must say so ({@code Connection: close}), or a
 * keep-alive client sends its next request on a connection that is closing and gets nothing back
 * (what the soak found). Each case sends the head only, on a connection that is kept alive. A
 * request whose body was read keeps its connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalsBeforeTheBodyTest {

    @TempDir
    static Path data;

    private TestApp app;
    private String cookie;
    private String csrfToken;

    @BeforeAll
    void start() {
        app = TestApp.start(data);
        ApiClient alice = app.signIn("alice", TestApp.PASSWORD);
        cookie = alice.cookies().stream().filter(c -> c.getName().equals("IAMGATE_SESSION"))
                .map(c -> c.getName() + "=" + c.getValue()).findFirst().orElseThrow();
        csrfToken = alice.csrfToken();
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    @Test
    void aPolicyDenialBeforeTheBodySaysTheConnectionCloses() throws Exception {
        RawHttp.Answer answer = headOnly("POST /api/users", "Cookie: " + cookie, "X-CSRF-Token: " + csrfToken);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("AccessDenied");
        assertThat(answer.closes()).as(answer.head()).isTrue();
    }

    @Test
    void aMissingCsrfTokenBeforeTheBodySaysTheConnectionCloses() throws Exception {
        RawHttp.Answer answer = headOnly("POST /api/users/alice/password", "Cookie: " + cookie);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("InvalidCsrfToken");
        assertThat(answer.closes()).as(answer.head()).isTrue();
    }

    @Test
    void aSecurityTokenWithoutItsKeyBeforeTheBodySaysTheConnectionCloses() throws Exception {
        RawHttp.Answer answer = headOnly("POST /api/users/alice/password", "X-Amz-Security-Token: forged");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.closes()).as(answer.head()).isTrue();
    }

    @Test
    void aRefusalAfterTheWholeBodyWasReadKeepsTheConnection() throws Exception {
        try (Socket socket = connect()) {
            String body = "{";
            RawHttp.Answer refused = RawHttp.exchangeKeepingAlive(socket, "POST /api/users/alice/password HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nCookie: " + cookie + "\r\nX-CSRF-Token: " + csrfToken + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            assertThat(refused).isNotNull();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.closes()).as(refused.head()).isFalse();

            RawHttp.Answer next = RawHttp.exchangeKeepingAlive(socket, "GET /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Cookie: " + cookie + "\r\n\r\n");
            assertThat(next).as("an answer on the same connection").isNotNull();
            assertThat(next.status()).isEqualTo(200);
        }
    }

    /** Sends the head of {@code requestLine} announcing a 64-byte JSON body, and reads the answer. */
    private RawHttp.Answer headOnly(String requestLine, String... headers) throws Exception {
        StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Type: application/json\r\nContent-Length: 64\r\n\r\n");
        try (Socket socket = connect()) {
            RawHttp.Answer answer = RawHttp.exchangeKeepingAlive(socket, head.toString());
            assertThat(answer).as("an answer before the body").isNotNull();
            return answer;
        }
    }

    private Socket connect() throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }
}
