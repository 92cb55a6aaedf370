package dev.iamgate.example.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The demo's database: a connection pool, the schema migrations, and transactions. Every write
 * of the application is one {@link #transaction}: it commits whole or not at all, so a request
 * refused half-way (an {@link IamException} thrown inside) changes nothing.
 */
public final class Database implements AutoCloseable {

    /** SQLSTATE of a unique-constraint violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The embedded H2 database in {@code directory} (created when missing). */
    public static Database embedded(Path directory) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("iamgate").toString().replace('\\', '/');
        return open(url, Optional.empty(), Optional.empty());
    }

    /**
     * The database at a JDBC URL, PostgreSQL or H2. User and password may come in the URL or
     * separately (so they need not appear on a command line).
     */
    public static Database open(String jdbcUrl, Optional<String> user, Optional<String> password) {
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
        config.setMaximumPoolSize(10);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .failOnMissingLocations(true).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
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

    private <T> T run(SqlWork<T> work, boolean readOnly) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(readOnly);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // A concurrent request created the same entity between our check and our insert.
                throw new IamException(ErrorCode.ENTITY_ALREADY_EXISTS, "The entity already exists.");
            }
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
