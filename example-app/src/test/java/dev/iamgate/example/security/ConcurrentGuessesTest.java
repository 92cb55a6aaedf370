package dev.iamgate.example.security;

import static dev.iamgate.example.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.AllAtOnce;
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
 * The throttle's limits hold for guesses sent all at once: an attacker who fires many wrong
 * passwords in parallel gets no more of them checked than one who sends them one after another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentGuessesTest {

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
