package dev.iamgate.example.security;

import static dev.iamgate.example.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.TestApp;
import dev.iamgate.example.testing.TotpCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Looks at what the database holds, directly: every secret the API handed out or accepted is
 * stored only as an Argon2id hash, TOTP seeds only as AES-GCM ciphertext, and none of them appears
 * anywhere in a full dump of the database or in its file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsAtRestTest {

    @TempDir
    static Path data;

    private TestApp app;
    private List<String> secrets;
    private String seed;

    @BeforeAll
    void handOutEverySecret() {
        app = TestApp.start(data);
        app.createSeedUser("mia");
        seed = app.enableVirtualMfa(app.signIn("mia", TestApp.PASSWORD), "mia");
        ApiClient mia = app.signInWithMfa("mia", TestApp.PASSWORD, seed);
        JsonNode key = mia.post("/api/users/mia/access-keys").json().path("AccessKey");
        JsonNode git = mia.post("/api/users/mia/service-specific-credentials",
                json("ServiceName", "codecommit.amazonaws.com")).json().path("ServiceSpecificCredential");
        JsonNode credentials = app.client().withAccessKey(key.path("AccessKeyId").asString(),
                key.path("SecretAccessKey").asString()).post("/api/sts/session-token", json(
                        "SerialNumber", "arn:aws:iam::123456789012:mfa/mia", "TokenCode", app.nextCode(seed)))
                .json().path("Credentials");
        assertThat(mia.post("/api/users/mia/password",
                json("OldPassword", TestApp.PASSWORD, "NewPassword", "Second-Passw0rd")).status()).isEqualTo(204);
        byte[] rawSeed = TotpCodes.decodeBase32(seed);
        secrets = List.of(TestApp.PASSWORD, "Second-Passw0rd", key.path("SecretAccessKey").asString(),
                git.path("ServicePassword").asString(), credentials.path("SecretAccessKey").asString(),
                credentials.path("SessionToken").asString(), seed, Base64.getEncoder().encodeToString(rawSeed),
                HexFormat.of().formatHex(rawSeed), mia.csrfToken());
        assertThat(secrets).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(8));
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    @Test
    void passwordsAndCredentialSecretsAreStoredOnlyAsArgon2idHashes() {
        List<String> hashes = column("SELECT password_hash FROM users WHERE password_hash IS NOT NULL");
        hashes.addAll(column("SELECT password_hash FROM password_history"));
        hashes.addAll(column("SELECT secret_hash FROM access_keys"));
        hashes.addAll(column("SELECT password_hash FROM service_specific_credentials"));
        hashes.addAll(column("SELECT secret_hash FROM session_credentials"));

        assertThat(hashes).hasSizeGreaterThanOrEqualTo(7).allSatisfy(hash ->
                assertThat(hash).matches("\\$argon2id\\$v=19\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"));
        // Salted: the three seeded users share one password, not one hash.
        assertThat(column("SELECT password_hash FROM users WHERE user_name IN ('alice', 'bob', 'admin')"))
                .doesNotHaveDuplicates();
    }

    @Test
    void totpSeedsAreStoredOnlyAsAesGcmCiphertext() {
        List<String> sealed = column("SELECT seed_ciphertext FROM mfa_devices");

        assertThat(sealed).hasSize(1).allSatisfy(value -> {
            assertThat(value).startsWith("v1:");
            // 12-byte nonce + 40-byte seed + 16-byte tag.
            assertThat(Base64.getDecoder().decode(value.substring(3))).hasSize(68);
        });
    }

    @Test
    void noSecretAppearsAnywhereInTheDatabase() throws Exception {
        String dump = String.join("\n", column("SCRIPT"));
        assertThat(dump).contains("INSERT INTO");
        app.execute("CHECKPOINT SYNC");
        String file = new String(Files.readAllBytes(data.resolve("iamgate.mv.db")), StandardCharsets.ISO_8859_1);

        for (String secret : secrets) {
            assertThat(dump).as("database dump").doesNotContain(secret);
            assertThat(file).as("database file").doesNotContain(secret);
        }
    }

    @Test
    void theSeedKeyIsNotInTheDatabaseDirectoryWhenGivenByTheEnvironment() throws Exception {
        // TestApp passes the key as IAMGATE_DEMO_KEY would: no key file is written.
        assertThat(data.resolve(DemoKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void theKeyFileIsCreatedOwnerOnly(@TempDir Path other) throws Exception {
        DemoKey.load(Optional.empty(), other, new java.security.SecureRandom());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(other.resolve(DemoKey.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    private List<String> column(String sql) {
        return app.query(sql).stream().map(row -> row.get(0)).collect(Collectors.toList());
    }
}
