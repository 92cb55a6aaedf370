package dev.iamgate.example.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.testing.TestApp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Signing certificates: one PEM X.509 certificate, parsed by the JDK, not expired. */
class PemCertificateTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aCertificateIsParsedAndItsExpiryRead() {
        PemCertificate certificate = PemCertificate.parse("\n" + TestApp.resource("/certificates/signing-1.pem"), NOW);

        assertThat(certificate.expiration()).isAfter(Instant.parse("2126-01-01T00:00:00Z"));
        assertThat(certificate.fingerprint()).hasSize(64);
        assertThat(certificate.body()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void anExpiredCertificateIsInvalid() {
        assertThatThrownBy(() -> PemCertificate.parse(TestApp.resource("/certificates/signing-1.pem"),
                Instant.parse("2200-01-01T00:00:00Z"))).satisfies(thrown ->
                        assertThat(((IamException) thrown).code()).isEqualTo(ErrorCode.INVALID_CERTIFICATE));
    }

    @Test
    void twoCertificatesInOneBodyAreMalformed() {
        String two = TestApp.resource("/certificates/signing-1.pem") + TestApp.resource("/certificates/signing-2.pem");

        assertThatThrownBy(() -> PemCertificate.parse(two, NOW)).satisfies(thrown ->
                assertThat(((IamException) thrown).code()).isEqualTo(ErrorCode.MALFORMED_CERTIFICATE));
    }

    @Test
    void aBodyOver16KiBIsMalformed() {
        String padded = TestApp.resource("/certificates/signing-1.pem") + " ".repeat(16 * 1024);

        assertThatThrownBy(() -> PemCertificate.parse(padded, NOW)).hasMessageContaining("longer than");
    }
}
