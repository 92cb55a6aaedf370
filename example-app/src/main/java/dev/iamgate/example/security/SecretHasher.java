package dev.iamgate.example.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slow salted hashes (Argon2id) of every secret the demo must recognise later: passwords,
 * access-key secrets, service-specific passwords, temporary credentials. Hashes are stored in
 * the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so each records the
 * cost it was made with and stays verifiable after the cost changes.
 *
 * <p>Argon2id is memory-hard: at OWASP's parameters each hash takes 19 MiB for a few tens of
 * milliseconds. The number of hashes computed at once is bounded, so a burst of sign-ins cannot
 * exhaust the heap.
 */
public final class SecretHasher {

    /**
     * Argon2id parameters.
     *
     * @param memoryKiB memory in KiB (at least 8 per lane)
     * @param iterations passes over the memory
     * @param parallelism lanes
     */
    public record Cost(int memoryKiB, int iterations, int parallelism) {

        /** OWASP's recommendation for Argon2id: m=19 MiB, t=2, p=1. What the application uses. */
        public static final Cost OWASP = new Cost(19 * 1024, 2, 1);

        /** Refuses stored parameters beyond these: a tampered hash must not make us allocate gigabytes. */
        private static final int MAX_MEMORY_KIB = 1024 * 1024;
        private static final int MAX_ITERATIONS = 64;

        public Cost {
            if (parallelism < 1 || parallelism > 16 || iterations < 1 || iterations > MAX_ITERATIONS
                    || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException("unusable Argon2id cost: " + memoryKiB + " KiB, " + iterations
                        + " iterations, " + parallelism + " lanes");
            }
        }

        boolean isBelow(Cost other) {
            return memoryKiB < other.memoryKiB || iterations < other.iterations;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SecretHasher.class);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "$argon2id$v=19$";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Cost cost;
    private final SecureRandom random;
    private final Semaphore slots;
    private final RecentlyVerified recent;
    /** A hash of nothing anyone knows, verified when there is no real hash, so both cases take as long. */
    private final String decoy;

    /** The production hasher: OWASP's cost. */
    public static SecretHasher owasp(SecureRandom random) {
        return new SecretHasher(Cost.OWASP, random);
    }

    /**
     * A hasher of the given cost. Only tests lower the cost below {@link Cost#OWASP}, to run fast;
     * the application never does.
     */
    public SecretHasher(Cost cost, SecureRandom random) {
        this.cost = Objects.requireNonNull(cost, "cost");
        this.random = Objects.requireNonNull(random, "random");
        this.slots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
        this.recent = new RecentlyVerified(random);
        if (cost.isBelow(Cost.OWASP)) {
            LOG.warn("Argon2id cost {} is below OWASP's minimum: acceptable in tests only", cost);
        }
        byte[] unknown = new byte[32];
        random.nextBytes(unknown);
        this.decoy = hash(Base64.getEncoder().encodeToString(unknown));
    }

    /** A new salted hash of {@code secret}. */
    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(secret, salt, cost, HASH_BYTES);
        return PREFIX + "m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code secret} is what {@code encoded} was made from. A null or unreadable
     * {@code encoded} is never a match, and costs as much as a real check.
     */
    public boolean verify(String encoded, String secret) {
        Parsed parsed = encoded == null ? null : parse(encoded);
        if (parsed == null) {
            verify(decoy, secret == null ? "" : secret);
            return false;
        }
        byte[] actual = derive(secret == null ? "" : secret, parsed.salt(), parsed.cost(), parsed.hash().length);
        return MessageDigest.isEqual(actual, parsed.hash()) && secret != null;
    }

    /**
     * As {@link #verify}, for credentials a client presents with every request (access keys,
     * temporary credentials): a secret that verified against the same hash in the last few minutes
     * is recognised without a new Argon2id computation (see {@link RecentlyVerified}).
     */
    public boolean verifyPresented(String encoded, String secret) {
        if (encoded != null && secret != null && recent.contains(encoded, secret)) {
            return true;
        }
        boolean verified = verify(encoded, secret);
        if (verified) {
            recent.add(encoded, secret);
        }
        return verified;
    }

    /** Spends the time of one verification, for a caller that has nothing to verify against. */
    public void verifyNothing(String secret) {
        verify(decoy, secret == null ? "" : secret);
    }

    private byte[] derive(String secret, byte[] salt, Cost parameters, int length) {
        Argon2Parameters argon2 = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon2);
        byte[] out = new byte[length];
        slots.acquireUninterruptibly();
        try {
            generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            slots.release();
        }
        return out;
    }

    private record Parsed(Cost cost, byte[] salt, byte[] hash) {}

    private static Parsed parse(String encoded) {
        if (!encoded.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            int m = -1;
            int t = -1;
            int p = -1;
            for (String parameter : parts[0].split(",", -1)) {
                int eq = parameter.indexOf('=');
                int value = Integer.parseInt(parameter.substring(eq + 1));
                switch (parameter.substring(0, eq)) {
                    case "m" -> m = value;
                    case "t" -> t = value;
                    case "p" -> p = value;
                    default -> {
                        return null;
                    }
                }
            }
            byte[] salt = B64_DECODER.decode(parts[1]);
            byte[] hash = B64_DECODER.decode(parts[2]);
            if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
                return null;
            }
            return new Parsed(new Cost(m, t, p), salt, hash);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }
}
