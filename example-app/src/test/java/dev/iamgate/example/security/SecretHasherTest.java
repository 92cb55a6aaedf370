package dev.iamgate.example.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.TestApp;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Argon2id hashes: salted, self-describing, verified in constant time, unreadable ones never match. */
class SecretHasherTest {

    private final SecretHasher hasher = new SecretHasher(TestApp.TEST_COST, new SecureRandom());

    @Test
    void aHashVerifiesItsSecretAndNothingElse() {
        String hash = hasher.hash("correct horse");

        assertThat(hasher.verify(hash, "correct horse")).isTrue();
        assertThat(hasher.verify(hash, "correct horse ")).isFalse();
        assertThat(hasher.verify(hash, null)).isFalse();
    }

    @Test
    void theSameSecretHashesDifferentlyEachTime() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void theHashRecordsItsCostSoItStaysVerifiableAfterTheCostChanges() {
        String cheap = hasher.hash("secret");
        SecretHasher other = new SecretHasher(new SecretHasher.Cost(512, 2, 1), new SecureRandom());

        assertThat(cheap).startsWith("$argon2id$v=19$m=256,t=1,p=1$");
        assertThat(other.verify(cheap, "secret")).isTrue();
    }

    @Test
    void unreadableOrTamperedHashesNeverMatch() {
        String hash = hasher.hash("secret");
        int cut = hash.lastIndexOf('$') + 1;
        byte[] digest = Base64.getDecoder().decode(hash.substring(cut));
        digest[0] ^= 1;
        String tampered = hash.substring(0, cut) + Base64.getEncoder().withoutPadding().encodeToString(digest);

        assertThat(hasher.verify(tampered, "secret")).isFalse();
        assertThat(hasher.verify("secret", "secret")).isFalse();
        assertThat(hasher.verify(null, "secret")).isFalse();
        assertThat(hasher.verify("$argon2id$v=19$m=99999999,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "secret")).isFalse();
    }

    @Test
    void aPresentedCredentialIsRecognisedAgainOnlyWithTheSameSecretAndHash() {
        String hash = hasher.hash("access-key-secret");

        assertThat(hasher.verifyPresented(hash, "access-key-secret")).isTrue();
        assertThat(hasher.verifyPresented(hash, "access-key-secret")).isTrue();
        assertThat(hasher.verifyPresented(hash, "access-key-secreT")).isFalse();
        assertThat(hasher.verifyPresented(hasher.hash("reset-secret"), "access-key-secret")).isFalse();
        assertThat(hasher.verifyPresented(null, "access-key-secret")).isFalse();
    }

    @Test
    void theApplicationsCostIsOwasps() {
        assertThat(SecretHasher.Cost.OWASP).isEqualTo(new SecretHasher.Cost(19 * 1024, 2, 1));
    }
}
