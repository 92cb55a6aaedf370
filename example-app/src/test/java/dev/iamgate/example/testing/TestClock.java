package dev.iamgate.example.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test moves: TOTP steps, MFA times and credential expirations become deterministic.
 * Starts one second into a 30-second step near the real time (certificates are checked against it).
 */
public final class TestClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public TestClock() {
        long step = Instant.now().getEpochSecond() / 30;
        this.now = new AtomicReference<>(Instant.ofEpochSecond(step * 30 + 1));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** The current 30-second TOTP step. */
    public long step() {
        return instant().getEpochSecond() / 30;
    }
}
