package dev.iamgate.example.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** Fresh random secrets of the shapes IAM hands out, all from one {@link SecureRandom}. */
public final class RandomSecrets {

    private static final char[] SECRET_KEY_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final SecureRandom random;

    public RandomSecrets(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public SecureRandom random() {
        return random;
    }

    /** {@code n} random bytes. */
    public byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** 40 characters of base64's alphabet, like an IAM secret access key (240 bits). */
    public String secretAccessKey() {
        return chars(SECRET_KEY_ALPHABET, 40);
    }

    /** A password for a service-specific credential: 32 random bytes, base64 (256 bits). */
    public String servicePassword() {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes(32));
    }

    /** An opaque token (session tokens, CSRF tokens): 32 random bytes, URL-safe base64. */
    public String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    /** {@code length} characters drawn uniformly from {@code alphabet}. */
    public String chars(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
