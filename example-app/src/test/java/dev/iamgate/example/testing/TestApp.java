package dev.iamgate.example.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.iam.Account;
import dev.iamgate.example.runner.ExampleApp;
import dev.iamgate.example.runner.Settings;
import dev.iamgate.example.security.SecretHasher;
import dev.iamgate.example.security.Throttle;
import dev.iamgate.example.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The real demo for a test class: Jetty on a free port of the loopback interface, H2 in a temporary
 * directory, a clock the test moves, and a low Argon2id cost (the constructor parameter that only
 * tests use). The seeded users share {@link #PASSWORD}.
 */
public final class TestApp implements AutoCloseable {

    public static final String PASSWORD = "Seed-Passw0rd!";
    /** The Argon2id cost of tests: a few milliseconds instead of tens. */
    public static final SecretHasher.Cost TEST_COST = new SecretHasher.Cost(256, 1, 1);
    /** Generous limits, so tests that fail on purpose do not throttle each other. */
    public static final Throttle.Limits LENIENT = new Throttle.Limits(50, 1000, Duration.ofMinutes(5));
    /** The pool's shortest wait for a connection: for tests that take the database down, to stay quick. */
    public static final Duration SHORT_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    public final TestClock clock;
    public final ExampleApp app;
    public final Path dataDirectory;

    private TestApp(TestClock clock, ExampleApp app, Path dataDirectory) {
        this.clock = clock;
        this.app = app;
        this.dataDirectory = dataDirectory;
    }

    public static TestApp start(Path dataDirectory) {
        return start(dataDirectory, LENIENT, Optional.of(PASSWORD));
    }

    public static TestApp start(Path dataDirectory, Throttle.Limits limits, Optional<String> password) {
        return start(dataDirectory, limits, password, Optional.empty());
    }

    /** As {@link #start(Path)}, on the database at {@code jdbcUrl} when given (PostgreSQL). */
    public static TestApp start(Path dataDirectory, Throttle.Limits limits, Optional<String> password,
            Optional<String> jdbcUrl) {
        return start(dataDirectory, limits, password, jdbcUrl, Database.DEFAULT_CONNECTION_TIMEOUT);
    }

    /** As {@link #start(Path)}, on the database at {@code jdbcUrl} when given, waiting at most so long for a connection. */
    public static TestApp start(Path dataDirectory, Throttle.Limits limits, Optional<String> password,
            Optional<String> jdbcUrl, Duration connectionTimeout) {
        TestClock clock = new TestClock();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Settings settings = new Settings("127.0.0.1", 0, dataDirectory, jdbcUrl, Optional.empty(),
                Optional.empty(), password, Optional.of(Base64.getEncoder().encodeToString(key)),
                new Account(Account.DEFAULT_ID), TEST_COST, limits, clock, connectionTimeout);
        try {
            return new TestApp(clock, ExampleApp.start(settings), dataDirectory);
        } catch (Exception e) {
            throw new IllegalStateException("the demo did not start", e);
        }
    }

    public int port() {
        return app.port();
    }

    public ApiClient client() {
        return new ApiClient(port());
    }

    /** A client signed in with the password only. */
    public ApiClient signIn(String user, String password) {
        ApiClient client = client();
        ApiClient.Response response = client.post("/api/login", ApiClient.json("UserName", user, "Password", password));
        assertThat(response.status()).as("sign-in of %s: %s", user, response).isEqualTo(200);
        return client;
    }

    /** A client signed in with password and a fresh code of the user's device. */
    public ApiClient signInWithMfa(String user, String password, String seed) {
        ApiClient client = signIn(user, password);
        ApiClient.Response response = client.post("/api/login/mfa", ApiClient.json("AuthenticationCode", nextCode(seed)));
        assertThat(response.status()).as("MFA of %s: %s", user, response).isEqualTo(200);
        return client;
    }

    /** Moves the clock to the next TOTP step and returns that step's code. */
    public String nextCode(String seed) {
        clock.advance(Duration.ofSeconds(30));
        return TotpCodes.code(seed, clock.step());
    }

    /** The admin, signed in (full access needs no MFA). */
    public ApiClient admin() {
        return signIn("admin", PASSWORD);
    }

    /**
     * A new user with the seed policy, created by the admin, so each test has a user of its own.
     */
    public void createSeedUser(String name) {
        createUser(name);
        assertThat(admin().put("/api/users/" + name + "/policies/mfa-self-manage", resource("/seed-policy.json"))
                .status()).isEqualTo(200);
    }

    /** A new user without policies, created by the admin, with password {@link #PASSWORD}. */
    public void createUser(String name) {
        assertThat(admin().post("/api/users", ApiClient.json("UserName", name, "Password", PASSWORD)).status())
                .isEqualTo(200);
    }

    /**
     * Creates and enables the virtual device named after the user (as the seed policy lets a user
     * without MFA do) and returns its base32 seed.
     */
    public String enableVirtualMfa(ApiClient client, String user) {
        ApiClient.Response created = client.post("/api/mfa/virtual-devices/" + user);
        assertThat(created.status()).as("create device: %s", created).isEqualTo(200);
        JsonNode device = created.json().path("VirtualMFADevice");
        String seed = device.path("Base32StringSeed").asString();
        String first = nextCode(seed);
        String second = nextCode(seed);
        ApiClient.Response enabled = client.post("/api/users/" + user + "/mfa-devices", ApiClient.json(
                "SerialNumber", device.path("SerialNumber").asString(),
                "AuthenticationCode1", first, "AuthenticationCode2", second));
        assertThat(enabled.status()).as("enable device: %s", enabled).isEqualTo(204);
        return seed;
    }

    /** Every value of every row of a query, as text: for looking at what is stored. */
    public List<List<String>> query(String sql) {
        try (Connection connection = app.database().dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement that returns no rows. */
    public void execute(String sql) {
        try (Connection connection = app.database().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A test resource as text. */
    public static String resource(String name) {
        try (InputStream in = TestApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        app.close();
    }
}
