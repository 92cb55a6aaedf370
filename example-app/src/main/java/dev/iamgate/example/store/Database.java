package dev.iamgate.example.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's database: a connection pool, the schema migrations, and transactions. Every write
 * of the application is one {@link #transaction}: it commits whole or not at all, so a request
 * refused half-way (an {@link IamException} thrown inside) changes nothing.
 *
 * <p>An unavailable database (unreachable, shutting down, out of disk space: {@link SqlFailures})
 * is a {@link StoreUnavailableException}, which the API answers {@code 503 ServiceUnavailable}.
 * Waiting for a connection is bounded by a short timeout, so a dead database fails requests fast
 * instead of holding them; the pool discards broken connections and makes new ones when the
 * database is back. Each outage is logged once, naming the database, and so is its end.
 */
public final class Database implements AutoCloseable {

    /** How long a request waits for a connection by default: long enough for a busy pool, short for a dead database. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    private static final int MAXIMUM_POOL_SIZE = 10;
    /** SQLSTATE of a unique-constraint violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final String location;
    /** Whether the last attempt to use the database failed to reach it (not yet followed by a success). */
    private final AtomicBoolean unreachable = new AtomicBoolean();
    /** Whether the last write was refused for lack of space or memory (not yet followed by a successful write). */
    private final AtomicBoolean shortOfResources = new AtomicBoolean();

    private Database(HikariDataSource dataSource, String location) {
        this.dataSource = dataSource;
        this.location = location;
    }

    /** The embedded H2 database in {@code directory} (created when missing). */
    public static Database embedded(Path directory, Duration connectionTimeout) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("iamgate").toString().replace('\\', '/');
        return open(url, Optional.empty(), Optional.empty(), connectionTimeout);
    }

    /**
     * The database at a JDBC URL, PostgreSQL or H2. User and password may come in the URL or
     * separately (so they need not appear on a command line).
     *
     * @param connectionTimeout how long a request waits for a connection before it is answered
     *     503; at least 250 ms (the pool's floor)
     */
    public static Database open(String jdbcUrl, Optional<String> user, Optional<String> password,
            Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        // Named, not looked up in DriverManager: in a WAR the driver is in WEB-INF/lib, which
        // DriverManager (initialised by the container's class loader) does not see.
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            config.setDriverClassName("org.h2.Driver");
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            config.setDriverClassName("org.postgresql.Driver");
        }
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setPoolName("iamgate-example");
        config.setMaximumPoolSize(MAXIMUM_POOL_SIZE);
        long timeoutMillis = Math.max(250, connectionTimeout.toMillis());
        config.setConnectionTimeout(timeoutMillis);
        // The pool checks an idle connection before handing it out; the check must end well within the wait.
        config.setValidationTimeout(Math.max(250, timeoutMillis / 2));
        config.setExceptionOverride(new SqlFailures());
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .failOnMissingLocations(true).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, location(jdbcUrl));
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T transaction(SqlWork<T> work) {
        return run(work, false);
    }

    /** Runs read-only {@code work} in one transaction, so it sees one consistent state. */
    public <T> T read(SqlWork<T> work) {
        return run(work, true);
    }

    /** For tests and tools that look at the stored rows directly. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Where the database is, for messages: its JDBC URL without parameters or credentials. */
    public String location() {
        return location;
    }

    private <T> T run(SqlWork<T> work, boolean readOnly) {
        T result;
        try (Connection connection = connection()) {
            try {
                connection.setAutoCommit(false);
                connection.setReadOnly(readOnly);
                result = work.run(connection);
                connection.commit();
            } catch (SQLException e) {
                rollback(connection, e);
                if (SqlFailures.isConnectionLost(e)) {
                    // Its pool-mates were opened to the same database and are likely broken too:
                    // replace them all (idle ones now, busy ones when returned) rather than fail one
                    // request on each. (Not when waiting for a connection timed out: that may be load.)
                    dataSource.getHikariPoolMXBean().softEvictConnections();
                }
                throw e;
            } catch (RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        if (unreachable.get() && unreachable.compareAndSet(true, false)) {
            LOG.info("Database {} is reachable again", location);
        }
        // Reads may still work while writes are refused for lack of space: only a write ends that.
        if (!readOnly && shortOfResources.get() && shortOfResources.compareAndSet(true, false)) {
            LOG.info("Database {} accepts writes again", location);
        }
        return result;
    }

    /**
     * A connection from the pool. Just after an outage the pool may still hold connections opened
     * before or during it, which it does not check when they were used moments ago; until a
     * transaction succeeds again each one is checked, and a dead one is discarded for the next.
     */
    private Connection connection() throws SQLException {
        Connection connection = dataSource.getConnection();
        for (int tries = 0; unreachable.get() && tries <= MAXIMUM_POOL_SIZE && !connection.isValid(1); tries++) {
            dataSource.evictConnection(connection);
            connection = dataSource.getConnection();
        }
        return connection;
    }

    private RuntimeException translate(SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            // A concurrent request created the same entity between our check and our insert.
            return new IamException(ErrorCode.ENTITY_ALREADY_EXISTS, "The entity already exists.");
        }
        // One line: drivers put the statement on a line of its own, which log readers take for another entry.
        String failure = String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ")
                + " (SQLState " + e.getSQLState() + ")";
        if (SqlFailures.isUnavailable(e)) {
            // Once per outage, however many requests it fails.
            if (SqlFailures.isConnectionLost(e) ? unreachable.compareAndSet(false, true)
                    : shortOfResources.compareAndSet(false, true)) {
                LOG.error("Database {} is unavailable: {}; requests that need it are answered 503 until it is back",
                        location, failure);
            }
            return new StoreUnavailableException("database " + location + " unavailable: " + failure, e);
        }
        return new StoreException("database " + location + " error: " + failure, e);
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The URL up to its parameters ({@code ?…} or H2's {@code ;…}) and without user info, which may hold a password. */
    static String location(String jdbcUrl) {
        int end = jdbcUrl.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = jdbcUrl.indexOf(separator);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String base = jdbcUrl.substring(0, end);
        int authority = base.indexOf("//");
        int userInfo = authority < 0 ? -1 : base.indexOf('@', authority);
        int path = authority < 0 ? -1 : base.indexOf('/', authority + 2);
        if (userInfo >= 0 && (path < 0 || userInfo < path)) {
            base = base.substring(0, authority + 2) + base.substring(userInfo + 1);
        }
        return base;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
