package dev.iamgate.example.users;

import dev.iamgate.example.iam.Account;
import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.iam.Ids;
import dev.iamgate.example.iam.Names;
import dev.iamgate.example.store.Database;
import dev.iamgate.example.store.RowMapper;
import dev.iamgate.example.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The account's IAM users: create, look up, list. */
public final class Users {

    private static final String COLUMNS = "user_name, user_id, path, create_date, password_last_used";

    private final Database database;
    private final Account account;
    private final Ids ids;
    private final InstantSource clock;

    public Users(Database database, Account account, Ids ids, InstantSource clock) {
        this.database = database;
        this.account = account;
        this.ids = ids;
        this.clock = clock;
    }

    /** The user, or {@code NoSuchEntity}. */
    public User get(String userName) {
        return database.read(connection -> find(connection, userName))
                .orElseThrow(() -> noSuchUser(userName));
    }

    public List<User> list() {
        return database.read(connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM users ORDER BY name_key", mapper()));
    }

    public long count() {
        return database.read(connection -> Sql.count(connection, "SELECT COUNT(*) FROM users"));
    }

    /** The user, within a transaction already open. */
    public Optional<User> find(Connection connection, String userName) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM users WHERE user_name = ?", mapper(), userName);
    }

    /**
     * Creates a user without password, in a transaction already open.
     *
     * @throws IamException {@code InvalidInput} for a bad name, {@code EntityAlreadyExists} when a
     *     user of that name exists, in any case
     */
    public User create(Connection connection, String userName) throws SQLException {
        Names.require("UserName", userName, Names.USER_NAME_MAX);
        String key = userName.toLowerCase(Locale.ROOT);
        if (Sql.count(connection, "SELECT COUNT(*) FROM users WHERE name_key = ?", key) > 0) {
            throw new IamException(ErrorCode.ENTITY_ALREADY_EXISTS, "User with name " + userName + " already exists.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String userId = ids.userId();
        Sql.update(connection, "INSERT INTO users (user_name, name_key, user_id, path, create_date) VALUES (?, ?, ?, ?, ?)",
                userName, key, userId, "/", now);
        return new User("/", userName, userId, account.userArn(userName), now, null);
    }

    /**
     * Locks the user's row for the rest of the transaction, so that checks of the user's limits
     * (two access keys, eight MFA devices…) and the writes that follow cannot interleave with
     * another request's.
     *
     * @throws IamException {@code NoSuchEntity} when there is no such user
     */
    public static void lock(Connection connection, String userName) throws SQLException {
        if (Sql.one(connection, "SELECT user_name FROM users WHERE user_name = ? FOR UPDATE", row -> row.getString(1),
                userName).isEmpty()) {
            throw noSuchUser(userName);
        }
    }

    /** Answers {@code NoSuchEntity} unless the user exists (without locking it). */
    public static void requireExists(Connection connection, String userName) throws SQLException {
        if (Sql.count(connection, "SELECT COUNT(*) FROM users WHERE user_name = ?", userName) == 0) {
            throw noSuchUser(userName);
        }
    }

    public static IamException noSuchUser(String userName) {
        return IamException.noSuchEntity("The user with name " + userName + " cannot be found.");
    }

    private RowMapper<User> mapper() {
        return row -> new User(row.getString("path"), row.getString("user_name"), row.getString("user_id"),
                account.userArn(row.getString("user_name")), Sql.instant(row, "create_date"),
                Sql.instant(row, "password_last_used"));
    }
}
