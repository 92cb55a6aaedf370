package dev.iamgate.example.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.ApiClient.Response;
import dev.iamgate.example.testing.H2TcpServer;
import dev.iamgate.example.testing.LogCapture;
import dev.iamgate.example.testing.TestApp;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database that holds the policies goes down while a signed-in user keeps sending requests (a
 * real H2 server, stopped and started again on the same port). The filter decides with the last
 * policies it compiled: what they denied stays denied ({@code 403} from the filter), what they
 * allowed passes the filter (and is answered {@code 503} by the API, which needs the database
 * too). The fault is logged once, naming the database; when it is back, recovery and later policy
 * changes (through the API or written straight into the database) are picked up without restart.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdbcPolicySourceOutageTest {

    private static final String DATABASE = "iamgate";
    /** GetUser on herself allowed, her access keys explicitly denied, everything else implicitly. */
    private static final String BEFORE = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["iam:GetUser", "iam:ListAccessKeys"],
               "Resource": "arn:aws:iam::123456789012:user/carol"},
              {"Effect": "Deny", "Action": "iam:ListAccessKeys", "Resource": "*"}]}
            """;
    /** The other way round, put through the API after the outage. */
    private static final String AFTER = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iam:ListAccessKeys", "Resource": "arn:aws:iam::123456789012:user/carol"},
              {"Effect": "Deny", "Action": "iam:GetUser", "Resource": "*"}]}
            """;
    /** Written straight into the database by an operator, behind the API's back. */
    private static final String BY_OPERATOR = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*"}]}
            """;

    private static final String GET_SELF = "/api/users/carol";
    private static final String LIST_KEYS = "/api/users/carol/access-keys";
    private static final String LIST_USERS = "/api/users";

    @TempDir
    Path temp;

    private H2TcpServer database;
    private TestApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void withThePolicyDatabaseDownTheLastCompiledPoliciesDecideAndRecoveryAndLaterChangesArePickedUpWithoutRestart()
            throws Exception {
        database = H2TcpServer.start(temp.resolve("h2"));
        app = TestApp.start(temp.resolve("app"), TestApp.LENIENT, Optional.of(TestApp.PASSWORD),
                Optional.of(database.url(DATABASE)), TestApp.SHORT_CONNECTION_TIMEOUT);
        ApiClient admin = app.admin();
        app.createUser("carol");
        assertThat(admin.put("/api/users/carol/policies/rules", BEFORE).status()).isEqualTo(200);
        ApiClient carol = app.signIn("carol", TestApp.PASSWORD);
        assertThat(statuses(carol)).isEqualTo(Map.of(GET_SELF, Set.of(200), LIST_KEYS, Set.of(403), LIST_USERS,
                Set.of(403)));
        String location = "jdbc:h2:tcp://127.0.0.1:" + database.port() + "/" + DATABASE;

        try (LogCapture log = LogCapture.start()) {
            database.stop();
            Map<String, Set<Integer>> duringOutage = new TreeMap<>();
            // Requests flow until the policy source has polled the dead database, and a while after.
            Supplier<Boolean> noticed = () -> !log.linesContaining("Cannot read the policy revision").isEmpty();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            int afterNoticed = 0;
            while (afterNoticed < 3 && System.nanoTime() < deadline) {
                statuses(carol).forEach((path, seen) -> duringOutage.computeIfAbsent(path, p -> new TreeSet<>()).addAll(seen));
                afterNoticed += noticed.get() ? 1 : 0;
            }
            assertThat(afterNoticed).as("the policy source noticed the outage").isEqualTo(3);
            assertThat(duringOutage).as("statuses while the database was down").isEqualTo(Map.of(
                    GET_SELF, Set.of(503), // allowed by the kept policy: past the filter, the API needs the database
                    LIST_KEYS, Set.of(403), // explicitly denied: still denied
                    LIST_USERS, Set.of(403))); // implicitly denied: still denied
            assertThat(carol.get(LIST_KEYS).errorCode()).isEqualTo("AccessDenied");

            database.startAgain();
            awaitLine(log, "is readable again");
            assertThat(statuses(carol)).as("after the outage, same process")
                    .isEqualTo(Map.of(GET_SELF, Set.of(200), LIST_KEYS, Set.of(403), LIST_USERS, Set.of(403)));

            assertThat(log.linesContaining("Cannot read the policy revision")).as("the fault, logged once")
                    .singleElement().asString().contains(location).contains("the last compiled policies stay in force");
            assertThat(log.linesContaining("is readable again")).as("the recovery, logged once")
                    .singleElement().asString().contains(location);
        }

        assertThat(admin.put("/api/users/carol/policies/rules", AFTER).status()).isEqualTo(200);
        assertThat(statuses(carol)).as("a change through the API, at once")
                .isEqualTo(Map.of(GET_SELF, Set.of(403), LIST_KEYS, Set.of(200), LIST_USERS, Set.of(403)));

        database.execute(DATABASE, "UPDATE user_policies SET policy_document = '" + BY_OPERATOR
                + "' WHERE user_name = 'carol' AND policy_name = 'rules'");
        database.execute(DATABASE, "UPDATE policy_revision SET revision = revision + 1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (carol.get(LIST_USERS).status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(statuses(carol)).as("a change written straight into the database, at the next poll")
                .isEqualTo(Map.of(GET_SELF, Set.of(403), LIST_KEYS, Set.of(403), LIST_USERS, Set.of(200)));
    }

    /** One request to each route, by status. */
    private static Map<String, Set<Integer>> statuses(ApiClient client) {
        Map<String, Set<Integer>> statuses = new TreeMap<>();
        for (String path : new String[] {GET_SELF, LIST_KEYS, LIST_USERS}) {
            Response response = client.get(path);
            statuses.put(path, Set.of(response.status()));
        }
        return statuses;
    }

    private static void awaitLine(LogCapture log, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.linesContaining(text).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(log.linesContaining(text)).as("a line with \"%s\" in %s", text, log.lines()).isNotEmpty();
    }
}
