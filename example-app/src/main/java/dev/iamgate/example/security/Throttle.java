package dev.iamgate.example.security;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits guessing: failed password, MFA code and credential checks are counted per user and per
 * client address over a sliding window, and once either count reaches its limit further attempts
 * are refused ({@code 429 Throttling}) without being checked, until old failures leave the window.
 *
 * <p>A guess counts from the moment it starts ({@link #begin}) until it is settled, so guesses sent
 * in parallel get no more checks than guesses sent one after another; a right one then counts for
 * nothing. Counts are kept in memory, per process. Unknown user names are counted too, so the answers do
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
     * One guess under way: counted against its user and address until it is {@linkplain #succeeded
     * settled}, so guesses sent in parallel cannot all pass the limit before any of them fails.
     * Settle it once; closing an attempt not settled yet settles it as {@link #succeeded}, so a
     * check that failed for another reason (the database) counts for nothing.
     */
    public final class Attempt implements AutoCloseable {

        private final String userKey;
        private final String addressKey;
        private boolean settled;

        private Attempt(String userKey, String addressKey) {
            this.userKey = userKey;
            this.addressKey = addressKey;
        }

        /** The guess was right (or was not a guess at all): it counts for nothing. */
        public void succeeded() {
            settle(false);
        }

        /** The guess was wrong: it counts as a failure for the user and the address. */
        public void failed() {
            settle(true);
        }

        /** Settles the attempt as {@link #succeeded} unless it was settled already. */
        @Override
        public void close() {
            settle(false);
        }

        private void settle(boolean failure) {
            synchronized (Throttle.this) {
                if (settled) {
                    return;
                }
                settled = true;
                release(userKey);
                release(addressKey);
                if (failure) {
                    Instant now = clock.instant();
                    if (userKey != null) {
                        add(userKey, now);
                    }
                    add(addressKey, now);
                    if (failures.size() > SWEEP_THRESHOLD) {
                        failures.entrySet().removeIf(entry -> recent(entry.getValue(), now) == 0);
                    }
                }
                Throttle.this.notifyAll();
            }
        }
    }

    /** How long an attempt waits for guesses under way to settle before it is refused. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    /** Guesses under way, by key. */
    private final Map<String, Integer> pending = new HashMap<>();

    /**
     * Starts a guess: refused ({@code 429 Throttling}) if the user or the address has used up its
     * failures. Guesses under way count as possible failures: while they could use up the
     * remaining failures, a new one waits (at most {@link #MAX_WAIT}) for them to settle.
     *
     * @param user the user name tried (or credential id), null when unknown
     * @param address the client's address
     */
    public synchronized Attempt begin(String user, String address) {
        String userKey = user == null ? null : userKey(user);
        String addressKey = addressKey(address);
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (true) {
            Instant now = clock.instant();
            int userFailures = userKey == null ? 0 : recent(userKey, now);
            int addressFailures = recent(addressKey, now);
            if (userFailures >= limits.perUser() || addressFailures >= limits.perAddress()) {
                throw throttled();
            }
            if ((userKey == null || userFailures + pending(userKey) < limits.perUser())
                    && addressFailures + pending(addressKey) < limits.perAddress()) {
                hold(userKey);
                hold(addressKey);
                return new Attempt(userKey, addressKey);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw throttled();
            }
            try {
                wait(Math.max(1, remaining / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw throttled();
            }
        }
    }

    /**
     * Refuses an attempt at a secret no one guesses (an access key's or a session token's) once the
     * key or the address has used up its failures, without holding the attempt as under way: a
     * client signs requests with a valid key in parallel, and holding them as possible failures, as
     * {@link #begin} does, would throttle it for its own concurrency. Guessing a 40-character random
     * secret in parallel gains nothing, so its failures are counted as they come ({@link #failed}).
     *
     * @param user the credential id tried
     * @param address the client's address
     */
    public void check(String user, String address) {
        Instant now = clock.instant();
        if ((user != null && recent(userKey(user), now) >= limits.perUser())
                || recent(addressKey(address), now) >= limits.perAddress()) {
            throw throttled();
        }
    }

    /** Counts one failed attempt at such a secret against the credential id and the address. */
    public synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        if (user != null) {
            add(userKey(user), now);
        }
        add(addressKey(address), now);
        if (failures.size() > SWEEP_THRESHOLD) {
            failures.entrySet().removeIf(entry -> recent(entry.getValue(), now) == 0);
        }
        notifyAll();
    }

    private static IamException throttled() {
        return new IamException(ErrorCode.THROTTLING, "Too many failed attempts. Wait a few minutes before trying again.");
    }

    private int pending(String key) {
        return pending.getOrDefault(key, 0);
    }

    private void hold(String key) {
        if (key != null) {
            pending.merge(key, 1, Integer::sum);
        }
    }

    private void release(String key) {
        if (key != null) {
            pending.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
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
