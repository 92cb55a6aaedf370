package dev.iamgate.example.credentials;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.iam.Ids;
import dev.iamgate.example.iam.Status;
import dev.iamgate.example.store.Database;
import dev.iamgate.example.store.RowMapper;
import dev.iamgate.example.store.Sql;
import dev.iamgate.example.users.Users;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Users' X.509 signing certificates: at most two per user, each certificate once in the account. */
public final class SigningCertificates {

    /** IAM's limit of signing certificates per user. */
    public static final int MAX_PER_USER = 2;

    private final Database database;
    private final Ids ids;
    private final InstantSource clock;

    public SigningCertificates(Database database, Ids ids, InstantSource clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    public List<SigningCertificate> list(String userName) {
        return database.read(connection -> {
            Users.requireExists(connection, userName);
            return Sql.list(connection, "SELECT * FROM signing_certificates WHERE user_name = ?"
                    + " ORDER BY upload_date, certificate_id", mapper(), userName);
        });
    }

    /**
     * Uploads a certificate for the user, active.
     *
     * @throws IamException as {@link PemCertificate#parse}, {@code LimitExceeded} at the third,
     *     {@code DuplicateCertificate} when the certificate is already uploaded
     */
    public SigningCertificate upload(String userName, String body) {
        Instant now = now();
        PemCertificate certificate = PemCertificate.parse(body, now);
        return database.transaction(connection -> {
            Users.lock(connection, userName);
            if (Sql.count(connection, "SELECT COUNT(*) FROM signing_certificates WHERE user_name = ?", userName)
                    >= MAX_PER_USER) {
                throw IamException.limitExceeded("Cannot exceed quota for SigningCertificatesPerUser: " + MAX_PER_USER);
            }
            if (Sql.count(connection, "SELECT COUNT(*) FROM signing_certificates WHERE fingerprint = ?",
                    certificate.fingerprint()) > 0) {
                throw new IamException(ErrorCode.DUPLICATE_CERTIFICATE, "The certificate is already uploaded.");
            }
            String id = ids.certificateId();
            Sql.update(connection, "INSERT INTO signing_certificates (certificate_id, user_name, certificate_body,"
                    + " fingerprint, expiration, status, upload_date) VALUES (?, ?, ?, ?, ?, ?, ?)", id, userName,
                    certificate.body(), certificate.fingerprint(), certificate.expiration(), Status.Active, now);
            return new SigningCertificate(userName, id, certificate.body(), Status.Active, now, certificate.expiration());
        });
    }

    public void update(String userName, String certificateId, Status status) {
        database.transaction(connection -> {
            if (Sql.update(connection, "UPDATE signing_certificates SET status = ? WHERE certificate_id = ?"
                    + " AND user_name = ?", status, certificateId, userName) == 0) {
                throw noSuchCertificate(certificateId);
            }
            return null;
        });
    }

    public void delete(String userName, String certificateId) {
        database.transaction(connection -> {
            if (Sql.update(connection, "DELETE FROM signing_certificates WHERE certificate_id = ? AND user_name = ?",
                    certificateId, userName) == 0) {
                throw noSuchCertificate(certificateId);
            }
            return null;
        });
    }

    private static RowMapper<SigningCertificate> mapper() {
        return row -> new SigningCertificate(row.getString("user_name"), row.getString("certificate_id"),
                row.getString("certificate_body"), Status.valueOf(row.getString("status")),
                Sql.instant(row, "upload_date"), Sql.instant(row, "expiration"));
    }

    private static IamException noSuchCertificate(String certificateId) {
        return IamException.noSuchEntity("The Certificate with id " + certificateId + " cannot be found.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
