package dev.iamgate.example.credentials;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.iam.Ids;
import dev.iamgate.example.security.RandomSecrets;
import dev.iamgate.example.security.SecretHasher;
import dev.iamgate.example.store.Database;
import dev.iamgate.example.store.Sql;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Temporary credentials, as sts:GetSessionToken issues them: an {@code ASIA…} key id, a secret and a
 * session token, valid 15 minutes to 36 hours, carrying the time MFA was checked if it was. The
 * secret and the token are stored together as one Argon2id hash, checked like an access key's
 * secret ({@link SecretHasher#verifyPresented}).
 */
public final class SessionTokens {

    public static final Duration MIN_DURATION = Duration.ofMinutes(15);
    public static final Duration MAX_DURATION = Duration.ofHours(36);
    public static final Duration DEFAULT_DURATION = Duration.ofHours(12);
    /** Expired credentials are kept this long, so their callers get ExpiredToken rather than an unknown key. */
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    /**
     * Who temporary credentials stand for.
     *
     * @param userName the user who asked for them
     * @param mfaAt when the MFA code was checked; empty when none was given
     */
    public record Holder(String userName, Optional<Instant> mfaAt) {}

    private final Database database;
    private final SecretHasher hasher;
    private final RandomSecrets random;
    private final Ids ids;
    private final InstantSource clock;

    public SessionTokens(Database database, SecretHasher hasher, RandomSecrets random, Ids ids, InstantSource clock) {
        this.database = database;
        this.hasher = hasher;
        this.random = random;
        this.ids = ids;
        this.clock = clock;
    }

    /** The duration asked for, checked: 900 to 129,600 seconds, 43,200 when absent. */
    public static Duration duration(Integer seconds) {
        if (seconds == null) {
            return DEFAULT_DURATION;
        }
        Duration duration = Duration.ofSeconds(seconds);
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw IamException.invalidInput("DurationSeconds must be between " + MIN_DURATION.toSeconds() + " and "
                    + MAX_DURATION.toSeconds());
        }
        return duration;
    }

    /**
     * Issues credentials for the user; the caller has checked the MFA code if {@code mfaAt} is present.
     */
    public TemporaryCredentials issue(String userName, Duration duration, Optional<Instant> mfaAt) {
        String secret = random.secretAccessKey();
        String token = random.token();
        String hash = hasher.hash(combined(secret, token));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiration = now.plus(duration);
        String id = ids.temporaryAccessKeyId();
        database.transaction(connection -> {
            Sql.update(connection, "DELETE FROM session_credentials WHERE expiration < ?", now.minus(KEEP_EXPIRED));
            return Sql.update(connection, "INSERT INTO session_credentials (access_key_id, user_name, secret_hash,"
                    + " issued_at, expiration, mfa_at) VALUES (?, ?, ?, ?, ?, ?)", id, userName, hash, now, expiration,
                    mfaAt.orElse(null));
        });
        return new TemporaryCredentials(id, secret, token, expiration);
    }

    /**
     * Who the temporary credentials stand for, if secret and token are right. Unknown ids cost
     * the same work as wrong secrets.
     *
     * @throws IamException {@code ExpiredToken} for right credentials past their expiration
     */
    public Optional<Holder> authenticate(String accessKeyId, String secret, String token) {
        Optional<Row> row = database.read(connection -> Sql.one(connection,
                "SELECT user_name, secret_hash, expiration, mfa_at FROM session_credentials WHERE access_key_id = ?",
                r -> new Row(r.getString(1), r.getString(2), Sql.instant(r, "expiration"), Sql.instant(r, "mfa_at")),
                accessKeyId));
        if (row.isEmpty()) {
            hasher.verifyNothing(combined(secret, token));
            return Optional.empty();
        }
        if (!hasher.verifyPresented(row.get().hash(), combined(secret, token))) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(row.get().expiration())) {
            throw new IamException(ErrorCode.EXPIRED_TOKEN, "The security token included in the request is expired.");
        }
        return Optional.of(new Holder(row.get().userName(), Optional.ofNullable(row.get().mfaAt())));
    }

    /** What the hash covers: the secret and the token, separated by a character neither contains. */
    private static String combined(String secret, String token) {
        return secret + "\n" + token;
    }

    private record Row(String userName, String hash, Instant expiration, Instant mfaAt) {}
}
