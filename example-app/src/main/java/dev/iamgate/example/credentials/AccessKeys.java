package dev.iamgate.example.credentials;

import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.iam.Ids;
import dev.iamgate.example.iam.Status;
import dev.iamgate.example.security.RandomSecrets;
import dev.iamgate.example.security.SecretHasher;
import dev.iamgate.example.store.Database;
import dev.iamgate.example.store.Sql;
import dev.iamgate.example.users.Users;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Users' long-term access keys: at most two per user (inactive ones count), the secret shown once
 * and stored as an Argon2id hash, and the check of a key presented with a request.
 */
public final class AccessKeys {

    /** IAM's limit of access keys per user. */
    public static final int MAX_PER_USER = 2;
    /** IAM is a global service; AWS reports its calls in us-east-1. */
    private static final String REGION = "us-east-1";

    private final Database database;
    private final SecretHasher hasher;
    private final RandomSecrets random;
    private final Ids ids;
    private final InstantSource clock;

    public AccessKeys(Database database, SecretHasher hasher, RandomSecrets random, Ids ids, InstantSource clock) {
        this.database = database;
        this.hasher = hasher;
        this.random = random;
        this.ids = ids;
        this.clock = clock;
    }

    public List<AccessKeyMetadata> list(String userName) {
        return database.read(connection -> {
            Users.requireExists(connection, userName);
            return Sql.list(connection, "SELECT * FROM access_keys WHERE user_name = ? ORDER BY create_date, access_key_id",
                    row -> {
                        Instant lastUsed = Sql.instant(row, "last_used_date");
                        return new AccessKeyMetadata(userName, row.getString("access_key_id"),
                                Status.valueOf(row.getString("status")), Sql.instant(row, "create_date"),
                                lastUsed == null ? null : new AccessKeyMetadata.LastUsed(lastUsed,
                                        row.getString("last_used_service"), row.getString("last_used_region")));
                    }, userName);
        });
    }

    /**
     * Creates an active key for the user.
     *
     * @throws IamException {@code LimitExceeded} when the user has two keys already
     */
    public NewAccessKey create(String userName) {
        String secret = random.secretAccessKey();
        String hash = hasher.hash(secret);
        return database.transaction(connection -> {
            Users.lock(connection, userName);
            if (Sql.count(connection, "SELECT COUNT(*) FROM access_keys WHERE user_name = ?", userName) >= MAX_PER_USER) {
                throw IamException.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + MAX_PER_USER);
            }
            String id = ids.accessKeyId();
            Instant now = now();
            Sql.update(connection, "INSERT INTO access_keys (access_key_id, user_name, secret_hash, status, create_date)"
                    + " VALUES (?, ?, ?, ?, ?)", id, userName, hash, Status.Active, now);
            return new NewAccessKey(userName, id, secret, Status.Active, now);
        });
    }

    public void update(String userName, String accessKeyId, Status status) {
        database.transaction(connection -> {
            if (Sql.update(connection, "UPDATE access_keys SET status = ? WHERE access_key_id = ? AND user_name = ?",
                    status, accessKeyId, userName) == 0) {
                throw noSuchKey(accessKeyId);
            }
            return null;
        });
    }

    public void delete(String userName, String accessKeyId) {
        database.transaction(connection -> {
            if (Sql.update(connection, "DELETE FROM access_keys WHERE access_key_id = ? AND user_name = ?",
                    accessKeyId, userName) == 0) {
                throw noSuchKey(accessKeyId);
            }
            return null;
        });
    }

    /**
     * The user whose active key this is, if {@code secret} is its secret; records the use.
     * Unknown keys cost the same work as wrong secrets.
     *
     * @param service the service the request is for, recorded as last used
     */
    public Optional<String> authenticate(String accessKeyId, String secret, String service) {
        Optional<String[]> key = database.read(connection -> Sql.one(connection,
                "SELECT user_name, secret_hash, status FROM access_keys WHERE access_key_id = ?",
                row -> new String[] {row.getString(1), row.getString(2), row.getString(3)}, accessKeyId));
        if (key.isEmpty()) {
            hasher.verifyNothing(secret);
            return Optional.empty();
        }
        boolean matches = hasher.verifyPresented(key.get()[1], secret);
        if (!matches || !Status.Active.name().equals(key.get()[2])) {
            return Optional.empty();
        }
        database.transaction(connection -> Sql.update(connection, "UPDATE access_keys SET last_used_date = ?,"
                + " last_used_service = ?, last_used_region = ? WHERE access_key_id = ?", now(), service, REGION,
                accessKeyId));
        return Optional.of(key.get()[0]);
    }

    private static IamException noSuchKey(String accessKeyId) {
        return IamException.noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
