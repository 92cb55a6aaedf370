package dev.iamgate.example.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** AES-GCM sealing of seeds: bound to its context and key, any alteration detected. */
class SecretBoxTest {

    private final SecureRandom random = new SecureRandom();
    private final SecretBox box = new SecretBox(key(), random);

    @Test
    void whatIsSealedOpensInItsContext() {
        String sealed = box.seal("seed".getBytes(StandardCharsets.UTF_8), "arn:aws:iam::123456789012:mfa/alice");

        assertThat(new String(box.open(sealed, "arn:aws:iam::123456789012:mfa/alice"), StandardCharsets.UTF_8))
                .isEqualTo("seed");
        assertThat(box.seal("seed".getBytes(StandardCharsets.UTF_8), "x")).isNotEqualTo(box.seal(
                "seed".getBytes(StandardCharsets.UTF_8), "x"));
    }

    @Test
    void aCiphertextMovedToAnotherContextDoesNotOpen() {
        String sealed = box.seal(new byte[] {1, 2, 3}, "arn:aws:iam::123456789012:mfa/alice");

        assertThatThrownBy(() -> box.open(sealed, "arn:aws:iam::123456789012:mfa/bob"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAlteredCiphertextOrAnotherKeyDoesNotOpen() {
        String sealed = box.seal(new byte[] {1, 2, 3}, "c");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> box.open(altered, "c")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(key(), random).open(sealed, "c")).isInstanceOf(IllegalStateException.class);
    }

    private SecretKeySpec key() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }
}
