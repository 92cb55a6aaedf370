package dev.iamgate.servlet.internal.context;

import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;

/**
 * The time keys of the current second, formatted once per second rather than once per request
 * (the way Jetty's date cache serves the {@code Date} header).
 */
final class RequestTime {

    /** One second: its number and its two renderings. */
    record Second(long epochSecond, String iso8601, String epochText) {

        static Second of(long epochSecond) {
            // ISO_INSTANT on a whole second prints no fraction: 2026-11-29T10:15:30Z
            return new Second(epochSecond, DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(epochSecond)),
                    Long.toString(epochSecond));
        }
    }

    private final InstantSource clock;
    private volatile Second last = Second.of(0);

    RequestTime(InstantSource clock) {
        this.clock = clock;
    }

    /** The current time in milliseconds, read once per request so every key agrees. */
    long nowMillis() {
        return clock.millis();
    }

    /** The second that {@code millis} falls in. */
    Second second(long millis) {
        long epochSecond = Math.floorDiv(millis, 1000);
        Second cached = last;
        if (cached.epochSecond() == epochSecond) {
            return cached;
        }
        Second fresh = Second.of(epochSecond);
        last = fresh; // racing threads compute the same value; whichever write wins is right
        return fresh;
    }
}
