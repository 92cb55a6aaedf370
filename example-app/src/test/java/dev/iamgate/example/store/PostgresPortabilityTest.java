package dev.iamgate.example.store;

import static dev.iamgate.example.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.ApiClient.Response;
import dev.iamgate.example.testing.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The same migrations and SQL on PostgreSQL: a flow that writes every table, on a fresh schema.
 * Runs when {@code IAMGATE_TEST_POSTGRES_URL} names a database the test may empty, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/iamgate?user=iamgate&password=…}.
 */
@EnabledIfEnvironmentVariable(named = "IAMGATE_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresPortabilityTest {

    @Test
    void theWholeFlowRunsUnchangedOnPostgresql(@TempDir Path data) throws Exception {
        String url = System.getenv("IAMGATE_TEST_POSTGRES_URL");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
        try (TestApp app = TestApp.start(data, TestApp.LENIENT, Optional.of(TestApp.PASSWORD), Optional.of(url))) {
            assertThat(app.query("SELECT user_name FROM users ORDER BY user_name"))
                    .containsExactly(List.of("admin"), List.of("alice"), List.of("bob"));
            String seed = app.enableVirtualMfa(app.signIn("alice", TestApp.PASSWORD), "alice");
            ApiClient alice = app.signInWithMfa("alice", TestApp.PASSWORD, seed);
            assertThat(alice.post("/api/users/alice/password", json("OldPassword", TestApp.PASSWORD,
                    "NewPassword", "Postgres-Passw0rd")).status()).isEqualTo(204);
            JsonNode key = alice.post("/api/users/alice/access-keys").json().path("AccessKey");
            assertThat(alice.post("/api/users/alice/signing-certificates",
                    json("CertificateBody", TestApp.resource("/certificates/signing-1.pem"))).status()).isEqualTo(200);
            assertThat(alice.post("/api/users/alice/ssh-public-keys",
                    json("SSHPublicKeyBody", TestApp.resource("/ssh/ed25519.pub"))).status()).isEqualTo(200);
            assertThat(alice.post("/api/users/alice/service-specific-credentials",
                    json("ServiceName", "codecommit.amazonaws.com")).status()).isEqualTo(200);
            JsonNode credentials = app.client().withAccessKey(key.path("AccessKeyId").asString(),
                    key.path("SecretAccessKey").asString()).post("/api/sts/session-token", json("SerialNumber",
                            "arn:aws:iam::123456789012:mfa/alice", "TokenCode", app.nextCode(seed))).json()
                    .path("Credentials");
            assertThat(app.client().withTemporaryCredentials(credentials).get("/api/users/alice/access-keys").json()
                    .path("AccessKeyMetadata").get(0).path("AccessKeyLastUsed").path("ServiceName").asString())
                    .isEqualTo("sts");

            ApiClient admin = app.admin();
            assertThat(admin.put("/api/users/admin/policies/extra", "{\"Version\":\"2012-10-17\",\"Statement\":"
                    + "[{\"Effect\":\"Deny\",\"Action\":\"iam:DeleteUserPolicy\",\"Resource\":\"*\"}]}").status())
                    .isEqualTo(200);
            assertThat(admin.delete("/api/users/admin/policies/extra").status()).isEqualTo(403);
            Response duplicate = admin.post("/api/users", json("UserName", "ALICE"));
            assertThat(duplicate.errorCode()).isEqualTo("EntityAlreadyExists");
            assertThat(admin.get("/api/account/summary").json().path("SummaryMap").path("MFADevicesInUse").asInt())
                    .isEqualTo(1);
        }
    }
}
