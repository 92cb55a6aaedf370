package dev.iamgate.example.credentials;

import dev.iamgate.example.iam.Status;
import java.time.Instant;

/**
 * An X.509 signing certificate of a user, as UploadSigningCertificate and
 * ListSigningCertificates show it, plus the certificate's expiration (read from the certificate).
 *
 * @param userName the owner
 * @param certificateId {@code ASCA…}
 * @param certificateBody the PEM text as uploaded
 * @param status Active or Inactive
 * @param uploadDate when it was uploaded
 * @param expiration the certificate's notAfter
 */
public record SigningCertificate(String userName, String certificateId, String certificateBody, Status status,
        Instant uploadDate, Instant expiration) {}
