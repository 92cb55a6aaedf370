package dev.iamgate.example.store;

import static dev.iamgate.example.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.ApiClient.Response;
import dev.iamgate.example.testing.H2TcpServer;
import dev.iamgate.example.testing.LogCapture;
import dev.iamgate.example.testing.TcpLink;
import dev.iamgate.example.testing.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under the running app: a real H2 server that the test stops and starts
 * again on the same port, reached over a TCP link that the test can cut mid-transaction. Calls that
 * need the database are answered {@code 503 ServiceUnavailable} in the API's error shape, quickly,
 * naming nothing internal; a write cut off mid-transaction leaves nothing behind; the same process
 * serves again as soon as the database is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DatabaseOutageTest {

    private static final String DATABASE = "iamgate";
    private static final String DORA_GET_USER = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iam:GetUser", "Resource": "arn:aws:iam::123456789012:user/dora"}]}
            """;

    @TempDir
    static Path temp;

    private H2TcpServer database;
    private TcpLink link;
    private TestApp app;
    private ApiClient admin;

    @BeforeAll
    void start() {
        database = H2TcpServer.start(temp.resolve("h2"));
        link = TcpLink.to(database.port());
        app = TestApp.start(temp.resolve("app"), TestApp.LENIENT, Optional.of(TestApp.PASSWORD),
                Optional.of("jdbc:h2:tcp://127.0.0.1:" + link.port() + "/" + DATABASE), TestApp.SHORT_CONNECTION_TIMEOUT);
        admin = app.admin();
        app.createUser("dora");
        assertThat(admin.put("/api/users/dora/policies/get-self", DORA_GET_USER).status()).isEqualTo(200);
    }

    @AfterEach
    void databaseIsBack() {
        database.startAgain();
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
        link.close();
        database.close();
    }

    @Test
    void whileTheDatabaseIsDownCallsThatNeedItAre503ServiceUnavailableAndTheSameProcessServesAgainWhenItReturns() {
        Response key = admin.post("/api/users/dora/access-keys");
        assertThat(key.status()).isEqualTo(200);
        ApiClient doraByKey = app.client().withAccessKey(key.json().path("AccessKey").path("AccessKeyId").asString(),
                key.json().path("AccessKey").path("SecretAccessKey").asString());
        assertThat(doraByKey.get("/api/users/dora").status()).isEqualTo(200);
        String signIn = json("UserName", "dora", "Password", TestApp.PASSWORD);

        Map<String, Response> duringOutage = new LinkedHashMap<>();
        try (LogCapture log = LogCapture.start()) {
            database.stop();
            long start = System.nanoTime();
            duringOutage.put("create access key (session)", admin.post("/api/users/dora/access-keys"));
            duringOutage.put("list users (session)", admin.get("/api/users"));
            duringOutage.put("sign-in", app.client().post("/api/login", signIn));
            duringOutage.put("get user (access key)", doraByKey.get("/api/users/dora"));
            long outageMillis = (System.nanoTime() - start) / 1_000_000;
            database.startAgain();

            assertThat(duringOutage).allSatisfy((call, response) -> {
                assertThat(response.status()).as(call).isEqualTo(503);
                assertThat(response.errorCode()).as(call).isEqualTo("ServiceUnavailable");
                assertThat(response.header("Content-Type")).as(call).startsWith("application/json");
                assertThat(response.json().path("Error").path("Message").asString()).as(call)
                        .isEqualTo("The service is temporarily unavailable. Try the request again later.");
                assertThat(response.text()).as(call).doesNotContainIgnoringCase("jdbc").doesNotContainIgnoringCase("h2")
                        .doesNotContainIgnoringCase("sql").doesNotContain("Exception").doesNotContain("127.0.0.1")
                        .doesNotContain(TestApp.PASSWORD);
            });
            // Fails fast: four calls within a few pool timeouts, not the pool's 30 s default each.
            assertThat(outageMillis).as("time the four refused calls took").isLessThan(15_000);

            awaitServing(admin);
            assertThat(admin.post("/api/users/dora/access-keys").status()).as("create access key after").isEqualTo(200);
            assertThat(admin.get("/api/users").status()).as("list users after").isEqualTo(200);
            assertThat(app.client().post("/api/login", signIn).status()).as("sign-in after").isEqualTo(200);
            assertThat(doraByKey.get("/api/users/dora").status()).as("access key after").isEqualTo(200);

            String location = "jdbc:h2:tcp://127.0.0.1:" + link.port() + "/" + DATABASE;
            assertThat(log.linesContaining("is unavailable")).as("the outage, logged once").singleElement().asString()
                    .contains("Database " + location + " is unavailable").contains("SQLState")
                    .contains("answered 503");
            assertThat(log.linesContaining("is reachable again")).as("its end, logged once").singleElement().asString()
                    .contains(location);
        }
        assertThat(database.count(DATABASE, "SELECT COUNT(*) FROM access_keys WHERE user_name = 'dora'"))
                .as("the key from before and the one after; none from the refused call").isEqualTo(2);
    }

    @Test
    void aPolicyWriteWhoseConnectionIsCutMidTransactionIs503AndLeavesNothingBehind() throws Exception {
        long revision = database.count(DATABASE, "SELECT revision FROM policy_revision");
        CutOff.arm();
        database.execute(DATABASE, "CREATE TRIGGER cut_off BEFORE UPDATE ON policy_revision FOR EACH ROW CALL \""
                + CutOff.class.getName() + "\"");
        try {
            // The write inserts the policy row, then bumps the revision: the trigger holds it between the two.
            CompletableFuture<Response> put = CompletableFuture.supplyAsync(
                    () -> admin.put("/api/users/dora/policies/cut-off", DORA_GET_USER));
            assertThat(CutOff.reached.await(10, TimeUnit.SECONDS)).as("the write reached the revision bump").isTrue();
            link.cut();
            CutOff.release.countDown();
            Response response = put.get(10, TimeUnit.SECONDS);

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.errorCode()).isEqualTo("ServiceUnavailable");
        } finally {
            CutOff.release.countDown();
            database.execute(DATABASE, "DROP TRIGGER IF EXISTS cut_off");
        }

        assertThat(database.count(DATABASE, "SELECT COUNT(*) FROM user_policies WHERE policy_name = 'cut-off'"))
                .as("the policy row inserted before the cut").isZero();
        assertThat(database.count(DATABASE, "SELECT revision FROM policy_revision")).isEqualTo(revision);
        assertThat(admin.get("/api/users/dora/policies/cut-off").errorCode()).isEqualTo("NoSuchEntity");
        assertThat(admin.put("/api/users/dora/policies/cut-off", DORA_GET_USER).status()).as("the same write, after")
                .isEqualTo(200);
        assertThat(database.count(DATABASE, "SELECT revision FROM policy_revision")).isEqualTo(revision + 1);
    }

    /**
     * Waits (10 s at most) until a call that needs the database succeeds: the pool opens new
     * connections within about one connection timeout of the database's return.
     */
    static void awaitServing(ApiClient client) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Response response = client.get("/api/users");
        while (response.status() == 503 && System.nanoTime() < deadline) {
            response = client.get("/api/users");
        }
        assertThat(response.status()).as("serving again after the database returned: %s", response).isEqualTo(200);
    }

    /** Holds the transaction that fires it until the test has cut its connection. */
    public static final class CutOff implements Trigger {
        static volatile CountDownLatch reached = new CountDownLatch(1);
        static volatile CountDownLatch release = new CountDownLatch(1);

        static void arm() {
            reached = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            reached.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
        }
    }
}
