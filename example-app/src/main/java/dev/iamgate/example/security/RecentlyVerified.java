package dev.iamgate.example.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials that passed an Argon2id check a moment ago, so that an API client sending the same
 * access key on every request pays the slow hash once every few minutes rather than on each
 * request. Kept in memory only, as an HMAC of the secret under a key made at start-up and never
 * stored, and tied to the stored hash: a reset or deleted credential stops matching at once.
 * Only successes are remembered; every wrong guess still costs a full Argon2id check.
 */
final class RecentlyVerified {

    private static final Duration TTL = Duration.ofMinutes(5);
    /** Past this many entries the memory starts afresh: it is a cache, never a source of truth. */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] mac, long expiresAtNanos) {}

    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    RecentlyVerified(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** Whether {@code secret} verified against {@code encodedHash} within the last few minutes. */
    boolean contains(String encodedHash, String secret) {
        Entry entry = entries.get(encodedHash);
        if (entry == null) {
            return false;
        }
        if (System.nanoTime() - entry.expiresAtNanos() > 0) {
            entries.remove(encodedHash, entry);
            return false;
        }
        return MessageDigest.isEqual(entry.mac(), mac(secret));
    }

    /** Remembers that {@code secret} verified against {@code encodedHash}. */
    void add(String encodedHash, String secret) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(encodedHash, new Entry(mac(secret), System.nanoTime() + TTL.toNanos()));
    }

    private byte[] mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
