package dev.iamgate.example.security;

import static dev.iamgate.example.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.AllAtOnce;
import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.ApiClient.Response;
import dev.iamgate.example.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing is throttled: five failures per user, twenty per address, within five minutes, and
 * guesses sent in parallel get no more checks than guesses sent one after another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottlingTest {

    /** Requests sent at the same moment by the race tests: guesses in parallel get no more checks. */
    private static final int PARALLEL = 40;

    @TempDir
    static Path data;

    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start(data, Throttle.Limits.DEFAULT, Optional.of(TestApp.PASSWORD));
    }

    @BeforeEach
    void forgetEarlierFailures() {
        app.clock.advance(Duration.ofMinutes(6));
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedUntilTheWindowPasses() {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("bob", "wrong-" + i).status()).isEqualTo(401);
        }

        Response throttled = signIn("bob", TestApp.PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.errorCode()).isEqualTo("Throttling");
        assertThat(signIn("BOB", "case does not escape").status()).isEqualTo(429);

        app.clock.advance(Duration.ofMinutes(5));
        assertThat(signIn("bob", TestApp.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void wrongMfaCodesAreThrottledPerUser() {
        app.createSeedUser("ian");
        String seed = app.enableVirtualMfa(app.signIn("ian", TestApp.PASSWORD), "ian");
        ApiClient ian = app.signIn("ian", TestApp.PASSWORD);
        String right = app.nextCode(seed);
        String wrong = right.equals("111111") ? "222222" : "111111";
        for (int i = 0; i < 5; i++) {
            assertThat(ian.post("/api/login/mfa", json("AuthenticationCode", wrong)).status()).isEqualTo(403);
        }

        assertThat(ian.post("/api/login/mfa", json("AuthenticationCode", right)).status()).isEqualTo(429);
    }

    @Test
    void failuresFromOneAddressAreThrottledWhateverTheUserName() {
        for (int i = 0; i < 20; i++) {
            assertThat(signIn("guess-" + i, "wrong").status()).isEqualTo(401);
        }

        assertThat(signIn("admin", TestApp.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void wrongAccessKeySecretsAreThrottled() {
        String keyId = app.admin().post("/api/users/admin/access-keys").json().path("AccessKey").path("AccessKeyId")
                .asString();
        ApiClient guesser = app.client().withAccessKey(keyId, "not-the-secret");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/users/admin").status()).isEqualTo(401);
        }

        assertThat(guesser.get("/api/users/admin").status()).isEqualTo(429);
    }

    private Response signIn(String user, String password) {
        return app.client().post("/api/login", json("UserName", user, "Password", password));
    }

    @Test
    void parallelWrongPasswordsForOneUserAreCheckedAtMostFiveTimes() throws Exception {
        List<Response> answers = AllAtOnce.send(PARALLEL, i -> app.client().post("/api/login",
                json("UserName", "bob", "Password", "wrong-" + i)));

        assertThat(answers.stream().filter(r -> r.status() == 401).count()).isLessThanOrEqualTo(5);
        assertThat(answers).allMatch(r -> r.status() == 401 || r.status() == 429);
        assertThat(app.client().post("/api/login", json("UserName", "bob", "Password", TestApp.PASSWORD)).status())
                .isEqualTo(429);
    }

    @Test
    void parallelWrongPasswordsFromOneAddressAreCheckedAtMostTwentyTimes() throws Exception {
        List<Response> answers = AllAtOnce.send(PARALLEL, i -> app.client().post("/api/login",
                json("UserName", "someone-" + i, "Password", "wrong")));

        assertThat(answers.stream().filter(r -> r.status() == 401).count()).isLessThanOrEqualTo(20);
    }

    @Test
    void aRightPasswordAmongParallelAttemptsIsNotCountedAsAFailure() throws Exception {
        List<Response> answers = AllAtOnce.send(PARALLEL, i -> app.client().post("/api/login",
                json("UserName", "alice", "Password", TestApp.PASSWORD)));

        assertThat(answers).allMatch(r -> r.status() == 200);
        assertThat(app.client().post("/api/login", json("UserName", "alice", "Password", TestApp.PASSWORD)).status())
                .isEqualTo(200);
    }
}
