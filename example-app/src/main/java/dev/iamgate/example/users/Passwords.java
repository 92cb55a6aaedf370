package dev.iamgate.example.users;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.security.RandomSecrets;
import dev.iamgate.example.security.SecretHasher;
import dev.iamgate.example.store.Database;
import dev.iamgate.example.store.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Console passwords: checking one at sign-in, changing one under the account password policy,
 * and setting the first. Only Argon2id hashes are stored; earlier hashes are kept as long as
 * {@code PasswordReusePrevention} needs them.
 */
public final class Passwords {

    private final Database database;
    private final SecretHasher hasher;
    private final InstantSource clock;

    public Passwords(Database database, SecretHasher hasher, InstantSource clock) {
        this.database = database;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The account password policy, if one is set. */
    public Optional<PasswordPolicy> policy() {
        return database.read(Passwords::policy);
    }

    /**
     * Checks a user's password. Unknown users, users without a password and wrong passwords all
     * answer empty after the same amount of work, so the answer does not tell which it was.
     * Records the time of a successful sign-in.
     */
    public Optional<String> check(String userName, String password) {
        Optional<String> hash = database.read(connection -> Sql.one(connection,
                "SELECT password_hash FROM users WHERE user_name = ?", row -> row.getString(1), userName))
                .filter(h -> h != null);
        if (hash.isEmpty()) {
            hasher.verifyNothing(password);
            return Optional.empty();
        }
        if (!hasher.verify(hash.get(), password)) {
            return Optional.empty();
        }
        database.transaction(connection -> Sql.update(connection,
                "UPDATE users SET password_last_used = ? WHERE user_name = ?", now(), userName));
        return Optional.of(userName);
    }

    /**
     * A stamp of the user's current password, different for each password set (it digests the
     * salted hash, which no stamp reveals): the stamp of the sessions signed in with it (see {@code
     * SessionStamps}); empty when the user or the password is gone.
     */
    public Optional<String> stamp(String userName) {
        return database.read(connection -> Sql.list(connection, "SELECT password_hash FROM users WHERE user_name = ?",
                row -> row.getString(1), userName)).stream().filter(h -> h != null).findFirst()
                .map(Passwords::digest);
    }

    private static String digest(String hash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("iamgate session stamp\0" + hash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /**
     * Changes a user's own password.
     *
     * @throws IamException {@code AccessDenied} when the old password is wrong (IAM's answer),
     *     {@code PasswordPolicyViolation} when the new one breaks the policy or was used recently,
     *     {@code NoSuchEntity} when the user has no password
     */
    public void change(String userName, String oldPassword, String newPassword) {
        // Hash outside the transaction: the row lock is held only for the checks and the write.
        String newHash = hasher.hash(newPassword);
        database.transaction(connection -> {
            Users.lock(connection, userName);
            PasswordPolicy policy = policy(connection).orElse(null);
            if (policy != null && !policy.allowUsersToChangePassword()) {
                throw new IamException(ErrorCode.ACCESS_DENIED, "The account does not allow users to change their password.");
            }
            String current = Sql.one(connection, "SELECT password_hash FROM users WHERE user_name = ?",
                    row -> row.getString(1), userName).orElse(null);
            if (current == null) {
                throw IamException.noSuchEntity("The user " + userName + " has no console password.");
            }
            if (!hasher.verify(current, oldPassword)) {
                throw new IamException(ErrorCode.ACCESS_DENIED, "The old password is incorrect.");
            }
            requireCompliant(policy, newPassword);
            int reuse = policy == null ? 0 : policy.passwordReusePrevention();
            List<String> recent = new ArrayList<>();
            if (reuse > 0) {
                recent.add(current);
                recent.addAll(history(connection, userName, reuse - 1));
            }
            for (String previous : recent) {
                if (hasher.verify(previous, newPassword)) {
                    throw new IamException(ErrorCode.PASSWORD_POLICY_VIOLATION, "The new password was used recently: the"
                            + " password policy does not allow reusing the last " + reuse + " passwords.");
                }
            }
            Instant now = now();
            Sql.update(connection, "INSERT INTO password_history (user_name, password_hash, set_at)"
                    + " SELECT user_name, password_hash, password_set_at FROM users WHERE user_name = ?", userName);
            Sql.update(connection, "UPDATE users SET password_hash = ?, password_set_at = ? WHERE user_name = ?",
                    newHash, now, userName);
            prune(connection, userName, Math.max(reuse - 1, 0));
            return null;
        });
    }

    /**
     * Sets a user's first password, in a transaction already open; the hash is made by the caller
     * ({@link #hash}) before the transaction.
     */
    public void setInitial(Connection connection, String userName, String passwordHash) throws SQLException {
        Sql.update(connection, "UPDATE users SET password_hash = ?, password_set_at = ? WHERE user_name = ?",
                passwordHash, now(), userName);
    }

    /** A hash of a password that complies with the policy (checked here). */
    public String hashCompliant(Connection connection, String password) throws SQLException {
        requireCompliant(policy(connection).orElse(null), password);
        return hasher.hash(password);
    }

    /** A random password that satisfies any password policy IAM allows: 20 characters of every class. */
    public static String generate(RandomSecrets random) {
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String lower = "abcdefghijkmnpqrstuvwxyz";
        String digits = "23456789";
        String symbols = "!@#$%^&*()_+-=[]{}|";
        char[] all = (upper + lower + digits + symbols).toCharArray();
        StringBuilder password = new StringBuilder()
                .append(random.chars(upper.toCharArray(), 1))
                .append(random.chars(lower.toCharArray(), 1))
                .append(random.chars(digits.toCharArray(), 1))
                .append(random.chars(symbols.toCharArray(), 1))
                .append(random.chars(all, 16));
        // Shuffle, so the classes are not always in the same places.
        for (int i = password.length() - 1; i > 0; i--) {
            int j = random.random().nextInt(i + 1);
            char c = password.charAt(i);
            password.setCharAt(i, password.charAt(j));
            password.setCharAt(j, c);
        }
        return password.toString();
    }

    private static void requireCompliant(PasswordPolicy policy, String password) {
        List<String> problems = policy == null ? defaultRules(password) : policy.violations(password);
        if (!problems.isEmpty()) {
            throw new IamException(ErrorCode.PASSWORD_POLICY_VIOLATION,
                    "The password does not meet the account password policy: it needs " + String.join(", ", problems) + ".");
        }
    }

    /** Without a policy, IAM's console default: 8 to 128 characters. */
    private static List<String> defaultRules(String password) {
        return new PasswordPolicy(8, false, false, false, false, true, 0, 0, false).violations(password);
    }

    private static Optional<PasswordPolicy> policy(Connection connection) throws SQLException {
        return Sql.one(connection, "SELECT * FROM password_policy WHERE id = 1", row -> new PasswordPolicy(
                row.getInt("minimum_password_length"), row.getBoolean("require_symbols"),
                row.getBoolean("require_numbers"), row.getBoolean("require_uppercase_characters"),
                row.getBoolean("require_lowercase_characters"), row.getBoolean("allow_users_to_change_password"),
                row.getInt("max_password_age"), row.getInt("password_reuse_prevention"), row.getBoolean("hard_expiry")));
    }

    private static List<String> history(Connection connection, String userName, int limit) throws SQLException {
        List<String> all = Sql.list(connection,
                "SELECT password_hash FROM password_history WHERE user_name = ? ORDER BY id DESC",
                row -> row.getString(1), userName);
        return all.subList(0, Math.min(limit, all.size()));
    }

    private static void prune(Connection connection, String userName, int keep) throws SQLException {
        List<Long> ids = Sql.list(connection, "SELECT id FROM password_history WHERE user_name = ? ORDER BY id DESC",
                row -> row.getLong(1), userName);
        for (Long id : ids.subList(Math.min(keep, ids.size()), ids.size())) {
            Sql.update(connection, "DELETE FROM password_history WHERE id = ?", id);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
