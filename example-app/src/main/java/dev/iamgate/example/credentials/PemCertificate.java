package dev.iamgate.example.credentials;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;

/**
 * An uploaded signing certificate, checked: one PEM-encoded X.509 certificate of at most 16 KiB
 * that {@link CertificateFactory} parses and that has not expired.
 *
 * @param body the PEM text, surrounding whitespace removed
 * @param certificate the parsed certificate
 * @param fingerprint SHA-256 of the DER encoding, hex, to recognise the same certificate uploaded twice
 */
public record PemCertificate(String body, X509Certificate certificate, String fingerprint) {

    /** IAM's limit on CertificateBody. */
    public static final int MAX_LENGTH = 16 * 1024;
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    /**
     * Parses and checks an uploaded body.
     *
     * @throws IamException {@code MalformedCertificate} when it is not one PEM X.509 certificate,
     *     {@code InvalidCertificate} when it has expired
     */
    public static PemCertificate parse(String uploaded, Instant now) {
        if (uploaded == null || uploaded.isBlank()) {
            throw IamException.invalidInput("CertificateBody is required");
        }
        if (uploaded.length() > MAX_LENGTH) {
            throw malformed("The certificate body is longer than " + MAX_LENGTH + " characters.");
        }
        String body = uploaded.strip();
        if (!body.startsWith(BEGIN) || !body.endsWith(END) || body.indexOf(BEGIN, 1) >= 0) {
            throw malformed("The certificate body must be one PEM-encoded certificate (" + BEGIN + " … " + END + ").");
        }
        X509Certificate certificate;
        try {
            Collection<? extends Certificate> parsed = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)));
            if (parsed.size() != 1 || !(parsed.iterator().next() instanceof X509Certificate x509)) {
                throw malformed("The certificate body must hold exactly one X.509 certificate.");
            }
            certificate = x509;
        } catch (CertificateException | RuntimeException e) {
            if (e instanceof IamException refused) {
                throw refused;
            }
            throw malformed("The certificate body is not a valid X.509 certificate.");
        }
        if (certificate.getNotAfter().toInstant().isBefore(now)) {
            throw new IamException(ErrorCode.INVALID_CERTIFICATE,
                    "The certificate expired on " + certificate.getNotAfter().toInstant() + ".");
        }
        try {
            String fingerprint = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            return new PemCertificate(body, certificate, fingerprint);
        } catch (CertificateException | NoSuchAlgorithmException e) {
            throw malformed("The certificate cannot be encoded.");
        }
    }

    /** The certificate's notAfter. */
    public Instant expiration() {
        return certificate.getNotAfter().toInstant();
    }

    private static IamException malformed(String message) {
        return new IamException(ErrorCode.MALFORMED_CERTIFICATE, message);
    }
}
