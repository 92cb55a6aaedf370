package dev.iamgate.example.runner;

import dev.iamgate.example.api.Api;
import dev.iamgate.example.api.Router;
import dev.iamgate.example.credentials.AccessKeys;
import dev.iamgate.example.credentials.ServiceSpecificCredentials;
import dev.iamgate.example.credentials.SessionTokens;
import dev.iamgate.example.credentials.SigningCertificates;
import dev.iamgate.example.credentials.SshPublicKeys;
import dev.iamgate.example.iam.Ids;
import dev.iamgate.example.mfa.VirtualMfaDevices;
import dev.iamgate.example.policies.InlinePolicies;
import dev.iamgate.example.policies.JdbcPolicySource;
import dev.iamgate.example.security.DemoKey;
import dev.iamgate.example.security.RandomSecrets;
import dev.iamgate.example.security.SecretBox;
import dev.iamgate.example.security.SecretHasher;
import dev.iamgate.example.security.Throttle;
import dev.iamgate.example.store.Database;
import dev.iamgate.example.users.Passwords;
import dev.iamgate.example.users.Users;
import dev.iamgate.example.web.CredentialsFilter;
import dev.iamgate.example.web.HeaderCallerResolver;
import dev.iamgate.example.web.HeaderCredentials;
import dev.iamgate.example.web.JsonDenyResponder;
import dev.iamgate.example.web.SessionStamps;
import dev.iamgate.servlet.IamGateFilter;
import dev.iamgate.servlet.IamGateSettings;
import dev.iamgate.servlet.Mode;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The demo, assembled and running: database (migrated, seeded on first start), services, the
 * iamgate filter with the JDBC policy source, and the Jetty server. {@link #close} stops it all.
 */
public final class ExampleApp implements AutoCloseable {

    /** The filter's route mapping, a copy of the app's routes. */
    static final String ROUTES = "classpath:/iam-routes.json";

    private final Server server;
    private final Database database;
    private final JdbcPolicySource policySource;
    private final Optional<Map<String, String>> seeded;
    private final Router router;

    private ExampleApp(Server server, Database database, JdbcPolicySource policySource,
            Optional<Map<String, String>> seeded, Router router) {
        this.server = server;
        this.database = database;
        this.policySource = policySource;
        this.seeded = seeded;
        this.router = router;
    }

    /**
     * The app without its server: the database (migrated, seeded on first start), the JDBC policy
     * source, the API's router and the header-credentials filter. Shared by {@link #start} and the
     * WAR's bootstrap listener; {@link Parts#close} closes the policy source and the database.
     */
    public record Parts(Database database, JdbcPolicySource policySource, Router router,
            CredentialsFilter credentials, SessionStamps sessionStamps, Optional<Map<String, String>> seeded)
            implements AutoCloseable {

        @Override
        public void close() {
            try {
                policySource.close();
            } finally {
                database.close();
            }
        }
    }

    /** Opens and seeds the database and builds the services; the caller closes the result. */
    public static Parts assemble(Settings settings) throws Exception {
        Files.createDirectories(settings.dataDirectory());
        SecureRandom secureRandom = new SecureRandom();
        SecretKey key = DemoKey.load(settings.demoKey(), settings.dataDirectory(), secureRandom);
        Database database = settings.jdbcUrl()
                .map(url -> Database.open(url, settings.jdbcUser(), settings.jdbcPassword(), settings.connectionTimeout()))
                .orElseGet(() -> Database.embedded(settings.dataDirectory(), settings.connectionTimeout()));
        JdbcPolicySource policySource = null;
        try {
            policySource = new JdbcPolicySource(database, Duration.ofSeconds(2));
            RandomSecrets random = new RandomSecrets(secureRandom);
            Ids ids = new Ids(secureRandom);
            SecretHasher hasher = new SecretHasher(settings.hashCost(), secureRandom);
            Throttle throttle = new Throttle(settings.throttle(), settings.clock());
            Users users = new Users(database, settings.account(), ids, settings.clock());
            Passwords passwords = new Passwords(database, hasher, settings.clock());
            InlinePolicies policies = new InlinePolicies(database, policySource);
            AccessKeys accessKeys = new AccessKeys(database, hasher, random, ids, settings.clock());
            SessionTokens sessionTokens = new SessionTokens(database, hasher, random, ids, settings.clock());
            Api api = new Api(settings.account(), database, users, passwords, policies,
                    new VirtualMfaDevices(database, settings.account(), new SecretBox(key, secureRandom), random,
                            settings.clock()),
                    accessKeys, new SigningCertificates(database, ids, settings.clock()),
                    new SshPublicKeys(database, ids, settings.clock()),
                    new ServiceSpecificCredentials(database, settings.account(), hasher, random, ids, settings.clock()),
                    sessionTokens, random, throttle, settings.clock());

            Optional<Map<String, String>> seeded = FirstStart.seedIfEmpty(database, users, passwords, policies,
                    policySource, hasher, random, settings.demoPassword());
            CredentialsFilter credentials = new CredentialsFilter(
                    new HeaderCredentials(settings.account(), accessKeys, sessionTokens, users, throttle));
            return new Parts(database, policySource, api.router(), credentials, new SessionStamps(passwords::stamp),
                    seeded);
        } catch (Exception | Error e) {
            if (policySource != null) {
                policySource.close();
            }
            database.close();
            throw e;
        }
    }

    /** Starts the demo; on return it answers requests. */
    public static ExampleApp start(Settings settings) throws Exception {
        Parts parts = assemble(settings);
        try {
            IamGateFilter iamgate = IamGateFilter.builder(new IamGateSettings(
                            // No policy directory: the JDBC source below serves the users' inline policies.
                            "", Optional.of(ROUTES), settings.account().id(), Mode.ENFORCE,
                            List.of(), List.of(), IamGateSettings.DEFAULT_CACHE_MAX_ENTRIES, Duration.ofSeconds(2),
                            Optional.empty()))
                    .principalResolver(new HeaderCallerResolver())
                    .policySource(parts.policySource())
                    .denyResponder(new JsonDenyResponder())
                    .clock(settings.clock())
                    .build();
            Server server = ExampleServer.create(settings.host(), settings.port(), parts.router(), parts.credentials(),
                    parts.sessionStamps(), iamgate);
            server.start();
            return new ExampleApp(server, parts.database(), parts.policySource(), parts.seeded(), parts.router());
        } catch (Exception | Error e) {
            parts.close();
            throw e;
        }
    }

    /** The port the server listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /**
     * Empty unless this start seeded the database; then the generated initial passwords by user
     * (none when they came from the environment).
     */
    public Optional<Map<String, String>> seeded() {
        return seeded;
    }

    /** The store, for tests that look at the rows themselves. */
    public Database database() {
        return database;
    }

    /** Every API route as {@code "METHOD template"}. */
    public Set<String> routes() {
        return router.describe();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            policySource.close();
            database.close();
        }
    }
}
