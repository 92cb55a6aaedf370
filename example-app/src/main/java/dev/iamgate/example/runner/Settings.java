package dev.iamgate.example.runner;

import dev.iamgate.example.iam.Account;
import dev.iamgate.example.security.DemoKey;
import dev.iamgate.example.security.SecretHasher;
import dev.iamgate.example.security.Throttle;
import dev.iamgate.example.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the demo.
 *
 * @param host the address to listen on
 * @param port the port, 0 for any free one
 * @param dataDirectory where the embedded database and the key file live
 * @param jdbcUrl a database to use instead of the embedded one (PostgreSQL)
 * @param jdbcUser its user, if not in the URL
 * @param jdbcPassword its password, if not in the URL
 * @param demoPassword the initial password of the seeded users; random when absent
 * @param demoKey the key that encrypts MFA seeds (base64); the key file when absent
 * @param account the account
 * @param hashCost the Argon2id cost; {@link SecretHasher.Cost#OWASP} except in tests
 * @param throttle the guessing limits
 * @param clock the clock of sessions, codes and credentials (tests move it)
 * @param connectionTimeout how long a request waits for a database connection before it is answered
 *     503; {@link Database#DEFAULT_CONNECTION_TIMEOUT} except in tests
 */
public record Settings(
        String host,
        int port,
        Path dataDirectory,
        Optional<String> jdbcUrl,
        Optional<String> jdbcUser,
        Optional<String> jdbcPassword,
        Optional<String> demoPassword,
        Optional<String> demoKey,
        Account account,
        SecretHasher.Cost hashCost,
        Throttle.Limits throttle,
        InstantSource clock,
        Duration connectionTimeout) {

    public static final String PASSWORD_VARIABLE = "IAMGATE_DEMO_PASSWORD";
    public static final String JDBC_USER_VARIABLE = "IAMGATE_JDBC_USER";
    public static final String JDBC_PASSWORD_VARIABLE = "IAMGATE_JDBC_PASSWORD";

    public Settings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(hashCost, "hashCost");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    }

    /**
     * The production settings: secrets from the environment, OWASP's hash cost, the system clock,
     * the default connection timeout.
     */
    public static Settings of(String host, int port, Path dataDirectory, Optional<String> jdbcUrl,
            Map<String, String> environment) {
        return new Settings(host, port, dataDirectory, jdbcUrl,
                variable(environment, JDBC_USER_VARIABLE), variable(environment, JDBC_PASSWORD_VARIABLE),
                variable(environment, PASSWORD_VARIABLE),
                variable(environment, DemoKey.ENVIRONMENT_VARIABLE),
                new Account(Account.DEFAULT_ID), SecretHasher.Cost.OWASP, Throttle.Limits.DEFAULT, InstantSource.system(),
                Database.DEFAULT_CONNECTION_TIMEOUT);
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
    }
}
