package dev.iamgate.example.mfa;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as virtual MFA devices make them: HMAC-SHA1, 6 digits,
 * 30-second steps counted from the Unix epoch. Works in whole steps, because replay protection
 * and drift are about steps.
 */
public final class Totp {

    /** Length of a step. */
    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;

    private Totp() {}

    /** The step {@code instant} falls in. */
    public static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
    }

    /** The code of {@code step} for a device with {@code seed}. */
    public static int code(byte[] seed, long step) {
        // A generator per call: cheap, and it holds a Mac, which is not thread-safe.
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);
        try {
            return generator.generateOneTimePassword(new SecretKeySpec(seed, generator.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP.toSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 refused a TOTP seed", e);
        }
    }

    /** The number a code stands for, or -1 unless it is exactly six ASCII digits. */
    public static int parse(String code) {
        if (code == null || code.length() != DIGITS) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < DIGITS; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
