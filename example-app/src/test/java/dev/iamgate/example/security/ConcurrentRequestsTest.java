package dev.iamgate.example.security;

import static dev.iamgate.example.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.AllAtOnce;
import dev.iamgate.example.testing.ApiClient.Response;
import dev.iamgate.example.testing.TestApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Limits and one-time codes hold for requests sent all at once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentRequestsTest {

    private static final int PARALLEL = 16;

    @TempDir
    static Path data;

    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start(data);
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    @Test
    void parallelCreateAccessKeyNeverGivesMoreThanTwoKeys() throws Exception {
        app.createSeedUser("vera");
        String seed = app.enableVirtualMfa(app.signIn("vera", TestApp.PASSWORD), "vera");
        ApiClient vera = app.signInWithMfa("vera", TestApp.PASSWORD, seed);

        List<Response> answers = AllAtOnce.send(PARALLEL, i -> vera.post("/api/users/vera/access-keys"));

        assertThat(answers.stream().filter(r -> r.status() == 200).count()).isEqualTo(2);
        assertThat(answers).allMatch(r -> r.status() == 200 || r.status() == 409);
        assertThat(app.query("SELECT access_key_id FROM access_keys WHERE user_name = 'vera'")).hasSize(2);
    }

    @Test
    void oneTotpCodeSentByManySessionsAtOnceSignsInOnlyOne() throws Exception {
        app.createSeedUser("walt");
        String seed = app.enableVirtualMfa(app.signIn("walt", TestApp.PASSWORD), "walt");
        List<ApiClient> sessions = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            sessions.add(app.signIn("walt", TestApp.PASSWORD));
        }
        String code = app.nextCode(seed);

        List<Response> answers = AllAtOnce.send(PARALLEL,
                i -> sessions.get(i).post("/api/login/mfa", json("AuthenticationCode", code)));

        assertThat(answers.stream().filter(r -> r.status() == 200).count()).isEqualTo(1);
    }
}
