package dev.iamgate.example.security;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits guessing: failed password, MFA code and credential checks are counted per user and per
 * client address over a sliding window, and once either count reaches its limit further attempts
 * are refused ({@code 429 Throttling}) without being checked, until old failures leave the window.
 *
 * <p>Counts are kept in memory, per process. Unknown user names are counted too, so the answers do
 * not tell which users exist.
 */
public final class Throttle {

    /**
     * @param perUser failures allowed per user name within the window
     * @param perAddress failures allowed per client address within the window
     * @param window how long a failure counts
     */
    public record Limits(int perUser, int perAddress, Duration window) {

        /** Five failures per user and twenty per address within five minutes. */
        public static final Limits DEFAULT = new Limits(5, 20, Duration.ofMinutes(5));

        public Limits {
            if (perUser < 1 || perAddress < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("throttle limits must be positive");
            }
        }
    }

    /** Above this many tracked keys, expired ones are swept on the next failure. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final Limits limits;
    private final InstantSource clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public Throttle(Limits limits, InstantSource clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Refuses the attempt if the user or the address has used up its failures.
     *
     * @param user the user name tried (or credential id), null when unknown
     * @param address the client's address
     */
    public void check(String user, String address) {
        Instant now = clock.instant();
        if ((user != null && recent(userKey(user), now) >= limits.perUser())
                || recent(addressKey(address), now) >= limits.perAddress()) {
            throw new IamException(ErrorCode.THROTTLING,
                    "Too many failed attempts. Wait a few minutes before trying again.");
        }
    }

    /** Counts one failed attempt against the user and the address. */
    public void failed(String user, String address) {
        Instant now = clock.instant();
        if (user != null) {
            add(userKey(user), now);
        }
        add(addressKey(address), now);
        if (failures.size() > SWEEP_THRESHOLD) {
            failures.entrySet().removeIf(entry -> recent(entry.getValue(), now) == 0);
        }
    }

    private int recent(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        return times == null ? 0 : recent(times, now);
    }

    private int recent(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(limits.window());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    private void add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            // Never needs more than the larger limit: older entries cannot change a decision.
            while (times.size() > Math.max(limits.perUser(), limits.perAddress())) {
                times.removeFirst();
            }
        }
    }

    private static String userKey(String user) {
        // IAM user names are case-insensitive: ALICE and alice share one count.
        return "user:" + user.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
