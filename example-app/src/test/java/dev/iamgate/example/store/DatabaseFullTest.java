package dev.iamgate.example.store;

import static dev.iamgate.example.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.ApiClient.Response;
import dev.iamgate.example.testing.LogCapture;
import dev.iamgate.example.testing.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database refuses a write for lack of resources in the middle of a request. The refusal is
 * simulated, honestly: a trigger the test creates raises SQLSTATE {@code 53100} ("disk full", the
 * standard's class 53, insufficient resources) from inside the database, on a statement that runs
 * after the request's first write, so the transaction has something to roll back. The caller reads
 * {@code 503 ServiceUnavailable}, nothing of the request is stored, and once the space is back
 * (the trigger dropped) the same request succeeds. Any other database failure stays a {@code 500}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseFullTest {

    private static final String ALLOW_GET_SELF = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iam:GetUser", "Resource": "arn:aws:iam::123456789012:user/erin"}]}
            """;
    private static final String ALLOW_LIST_USERS = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["iam:GetUser", "iam:ListUsers"], "Resource": "*"}]}
            """;
    private static final String NEW_PASSWORD = "Changed-Passw0rd!";

    @TempDir
    static Path data;

    private TestApp app;
    private ApiClient admin;

    @BeforeAll
    void start() {
        app = TestApp.start(data);
        admin = app.admin();
    }

    @AfterEach
    void spaceIsBack() {
        app.execute("DROP TRIGGER IF EXISTS full_disk");
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    @Test
    void aPolicyWriteRefusedForLackOfSpaceIs503AndLeavesThePoliciesAndTheirRevisionAsTheyWere() {
        app.createUser("erin");
        assertThat(admin.put("/api/users/erin/policies/rules", ALLOW_GET_SELF).status()).isEqualTo(200);
        ApiClient erin = app.signIn("erin", TestApp.PASSWORD);
        assertThat(erin.get("/api/users").status()).isEqualTo(403);
        List<List<String>> revision = app.query("SELECT revision FROM policy_revision");

        fillTheDiskOn("UPDATE ON policy_revision"); // the policy row is written first, the revision bumped after
        Response refused = admin.put("/api/users/erin/policies/rules", ALLOW_LIST_USERS);

        assertServiceUnavailable(refused);
        assertThat(app.query("SELECT policy_document FROM user_policies WHERE user_name = 'erin'"))
                .singleElement().satisfies(row -> assertThat(row.get(0)).isEqualTo(ALLOW_GET_SELF));
        assertThat(app.query("SELECT revision FROM policy_revision")).isEqualTo(revision);
        assertThat(erin.get("/api/users").status()).as("the old policy is still the one in force").isEqualTo(403);

        spaceIsBack();
        assertThat(admin.put("/api/users/erin/policies/rules", ALLOW_LIST_USERS).status()).isEqualTo(200);
        assertThat(erin.get("/api/users").status()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeRefusedForLackOfSpaceIs503AndTheOldPasswordStaysInForce() {
        app.createSeedUser("frank");
        ApiClient frank = app.signIn("frank", TestApp.PASSWORD);
        List<List<String>> history = app.query("SELECT COUNT(*) FROM password_history WHERE user_name = 'frank'");
        String change = json("OldPassword", TestApp.PASSWORD, "NewPassword", NEW_PASSWORD);

        fillTheDiskOn("UPDATE ON users"); // the old hash goes to the history first, the user row is updated after
        Response refused = frank.post("/api/users/frank/password", change);

        assertServiceUnavailable(refused);
        assertThat(refused.text()).doesNotContain(NEW_PASSWORD).doesNotContain(TestApp.PASSWORD);
        spaceIsBack();
        assertThat(app.query("SELECT COUNT(*) FROM password_history WHERE user_name = 'frank'")).isEqualTo(history);
        assertThat(app.client().post("/api/login", json("UserName", "frank", "Password", NEW_PASSWORD)).status())
                .isEqualTo(401);
        app.signIn("frank", TestApp.PASSWORD);

        assertThat(frank.post("/api/users/frank/password", change).status()).as("the same change, after").isEqualTo(204);
        app.signIn("frank", NEW_PASSWORD);
    }

    @Test
    void accessKeysRefusedForLackOfSpaceAre503AndNoneIsStoredAndTheShortageIsLoggedOnce() {
        app.createUser("gus");

        try (LogCapture log = LogCapture.start()) {
            fillTheDiskOn("INSERT ON access_keys");
            Response refused = admin.post("/api/users/gus/access-keys");
            assertThat(admin.get("/api/users/gus/access-keys").status()).as("reads still work").isEqualTo(200);
            Response refusedAgain = admin.post("/api/users/gus/access-keys");

            assertServiceUnavailable(refused);
            assertServiceUnavailable(refusedAgain);
            assertThat(refused.text()).doesNotContain("SecretAccessKey");
            assertThat(app.query("SELECT * FROM access_keys WHERE user_name = 'gus'")).isEmpty();
            spaceIsBack();
            assertThat(admin.post("/api/users/gus/access-keys").status()).isEqualTo(200);
            assertThat(app.query("SELECT * FROM access_keys WHERE user_name = 'gus'")).hasSize(1);

            assertThat(log.linesContaining("is unavailable")).as("the shortage, logged once").singleElement()
                    .asString().contains("SQLState 53100");
            assertThat(log.linesContaining("accepts writes again")).as("its end, logged once").hasSize(1);
        }
    }

    @Test
    void anyOtherDatabaseFailureIs500ServiceFailureWithAGenericMessageAndIsLogged() {
        app.createUser("hal");
        app.execute("CREATE TRIGGER full_disk BEFORE INSERT ON access_keys FOR EACH ROW CALL \""
                + InternalError.class.getName() + "\"");

        Response failed;
        try (LogCapture log = LogCapture.start()) {
            failed = admin.post("/api/users/hal/access-keys");

            assertThat(log.linesContaining("POST /api/users/hal/access-keys failed")).hasSize(1);
        }
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.errorCode()).isEqualTo("ServiceFailure");
        assertThat(failed.json().path("Error").path("Message").asString())
                .isEqualTo("The request could not be completed because of an internal error.");
        assertThat(failed.text()).doesNotContainIgnoringCase("sql").doesNotContain("XX000").doesNotContain("Exception");
        assertThat(app.query("SELECT * FROM access_keys WHERE user_name = 'hal'")).isEmpty();
    }

    private void fillTheDiskOn(String event) {
        app.execute("CREATE TRIGGER full_disk BEFORE " + event + " FOR EACH ROW CALL \"" + DiskFull.class.getName() + "\"");
    }

    private static void assertServiceUnavailable(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(503);
        assertThat(response.errorCode()).isEqualTo("ServiceUnavailable");
        assertThat(response.json().path("Error").path("Message").asString())
                .isEqualTo("The service is temporarily unavailable. Try the request again later.");
        assertThat(response.text()).doesNotContainIgnoringCase("sql").doesNotContain("53100")
                .doesNotContainIgnoringCase("disk").doesNotContain("Exception");
    }

    /** The database out of space, as the SQL standard reports it: SQLSTATE 53100. */
    public static final class DiskFull implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("could not extend file: No space left on device (simulated by a test trigger)",
                    "53100");
        }
    }

    /** A failure that is no outage: SQLSTATE XX000, an internal error of the database. */
    public static final class InternalError implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("internal error (simulated by a test trigger)", "XX000");
        }
    }
}
