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

/** Users' SSH public keys (for CodeCommit): at most five per user, each key once per user. */
public final class SshPublicKeys {

    /** IAM's limit of SSH public keys per user. */
    public static final int MAX_PER_USER = 5;

    /** How GetSSHPublicKey encodes the key. */
    public enum Encoding {
        SSH,
        PEM;

        public static Encoding parse(String text) {
            if (text == null || text.equals("SSH")) {
                return SSH;
            }
            if (text.equals("PEM")) {
                return PEM;
            }
            throw new IamException(ErrorCode.UNRECOGNIZED_PUBLIC_KEY_ENCODING, "Encoding must be SSH or PEM.");
        }
    }

    private final Database database;
    private final Ids ids;
    private final InstantSource clock;

    public SshPublicKeys(Database database, Ids ids, InstantSource clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    /** The user's keys, without bodies. */
    public List<SshPublicKey> list(String userName) {
        return database.read(connection -> {
            Users.requireExists(connection, userName);
            return Sql.list(connection, "SELECT * FROM ssh_public_keys WHERE user_name = ?"
                    + " ORDER BY upload_date, ssh_public_key_id", mapper(), userName);
        }).stream().map(SshPublicKey::summary).toList();
    }

    public SshPublicKey get(String userName, String keyId, Encoding encoding) {
        SshPublicKey key = database.read(connection -> Sql.one(connection,
                "SELECT * FROM ssh_public_keys WHERE ssh_public_key_id = ? AND user_name = ?", mapper(), keyId, userName))
                .orElseThrow(() -> noSuchKey(keyId));
        if (encoding == Encoding.PEM) {
            String pem = OpenSshPublicKey.parse(key.sshPublicKeyBody()).pem();
            return new SshPublicKey(key.userName(), key.sshPublicKeyId(), key.fingerprint(), pem, key.status(),
                    key.uploadDate());
        }
        return key;
    }

    /**
     * Uploads a key for the user, active.
     *
     * @throws IamException as {@link OpenSshPublicKey#parse}, {@code LimitExceeded} at the sixth,
     *     {@code DuplicateSSHPublicKey} when the user has this key already
     */
    public SshPublicKey upload(String userName, String body) {
        OpenSshPublicKey key = OpenSshPublicKey.parse(body);
        return database.transaction(connection -> {
            Users.lock(connection, userName);
            if (Sql.count(connection, "SELECT COUNT(*) FROM ssh_public_keys WHERE user_name = ?", userName)
                    >= MAX_PER_USER) {
                throw IamException.limitExceeded("Cannot exceed quota for SSHPublicKeysPerUser: " + MAX_PER_USER);
            }
            if (Sql.count(connection, "SELECT COUNT(*) FROM ssh_public_keys WHERE user_name = ? AND fingerprint = ?",
                    userName, key.fingerprint()) > 0) {
                throw new IamException(ErrorCode.DUPLICATE_SSH_PUBLIC_KEY, "The SSH public key is already uploaded.");
            }
            String id = ids.sshPublicKeyId();
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Sql.update(connection, "INSERT INTO ssh_public_keys (ssh_public_key_id, user_name, ssh_public_key_body,"
                    + " fingerprint, status, upload_date) VALUES (?, ?, ?, ?, ?, ?)", id, userName, key.body(),
                    key.fingerprint(), Status.Active, now);
            return new SshPublicKey(userName, id, key.fingerprint(), key.body(), Status.Active, now);
        });
    }

    public void update(String userName, String keyId, Status status) {
        database.transaction(connection -> {
            if (Sql.update(connection, "UPDATE ssh_public_keys SET status = ? WHERE ssh_public_key_id = ? AND user_name = ?",
                    status, keyId, userName) == 0) {
                throw noSuchKey(keyId);
            }
            return null;
        });
    }

    public void delete(String userName, String keyId) {
        database.transaction(connection -> {
            if (Sql.update(connection, "DELETE FROM ssh_public_keys WHERE ssh_public_key_id = ? AND user_name = ?",
                    keyId, userName) == 0) {
                throw noSuchKey(keyId);
            }
            return null;
        });
    }

    private static RowMapper<SshPublicKey> mapper() {
        return row -> new SshPublicKey(row.getString("user_name"), row.getString("ssh_public_key_id"),
                row.getString("fingerprint"), row.getString("ssh_public_key_body"), Status.valueOf(row.getString("status")),
                Sql.instant(row, "upload_date"));
    }

    private static IamException noSuchKey(String keyId) {
        return IamException.noSuchEntity("The Public Key with id " + keyId + " cannot be found.");
    }
}
