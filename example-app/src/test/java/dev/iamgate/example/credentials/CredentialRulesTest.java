package dev.iamgate.example.credentials;

import static dev.iamgate.example.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.AllAtOnce;
import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.ApiClient.Response;
import dev.iamgate.example.testing.TestApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The rules of each kind of credential over the API: limits, what is shown once, validation of
 * uploads, status changes. The admin acts on users of each test's own (full access, no MFA needed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialRulesTest {

    @TempDir
    static Path data;

    private TestApp app;
    private ApiClient admin;

    @BeforeAll
    void start() {
        app = TestApp.start(data);
        admin = app.admin();
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    @Test
    void aUserHasAtMostTwoAccessKeysAndTheSecretIsShownOnce() {
        app.createUser("ada");
        JsonNode first = admin.post("/api/users/ada/access-keys").json().path("AccessKey");
        assertThat(first.path("AccessKeyId").asString()).matches("AKIA[A-Z2-7]{16}");
        assertThat(first.path("SecretAccessKey").asString()).hasSize(40);
        assertThat(first.path("Status").asString()).isEqualTo("Active");
        String secondId = admin.post("/api/users/ada/access-keys").json().path("AccessKey").path("AccessKeyId").asString();
        assertThat(admin.patch("/api/users/ada/access-keys/" + secondId, json("Status", "Inactive")).status())
                .isEqualTo(204);

        Response third = admin.post("/api/users/ada/access-keys");
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.errorCode()).isEqualTo("LimitExceeded");

        Response listed = admin.get("/api/users/ada/access-keys");
        assertThat(listed.json().path("AccessKeyMetadata").size()).isEqualTo(2);
        assertThat(listed.text()).doesNotContain(first.path("SecretAccessKey").asString()).doesNotContain("Secret");
    }

    @Test
    void parallelCreateAccessKeyNeverGivesMoreThanTwoKeys() throws Exception {
        app.createSeedUser("vera");
        String seed = app.enableVirtualMfa(app.signIn("vera", TestApp.PASSWORD), "vera");
        ApiClient vera = app.signInWithMfa("vera", TestApp.PASSWORD, seed);

        List<Response> answers = AllAtOnce.send(16, i -> vera.post("/api/users/vera/access-keys"));

        assertThat(answers.stream().filter(r -> r.status() == 200).count()).isEqualTo(2);
        assertThat(answers).allMatch(r -> r.status() == 200 || r.status() == 409);
        assertThat(app.query("SELECT access_key_id FROM access_keys WHERE user_name = 'vera'")).hasSize(2);
    }

    @Test
    void anInactiveAccessKeyAuthenticatesNothing() {
        app.createSeedUser("ben");
        JsonNode key = admin.post("/api/users/ben/access-keys").json().path("AccessKey");
        ApiClient withKey = app.client().withAccessKey(key.path("AccessKeyId").asString(),
                key.path("SecretAccessKey").asString());
        assertThat(withKey.get("/api/users/ben").status()).isEqualTo(200);

        admin.patch("/api/users/ben/access-keys/" + key.path("AccessKeyId").asString(), json("Status", "Inactive"));

        assertThat(withKey.get("/api/users/ben").status()).isEqualTo(401);
        admin.delete("/api/users/ben/access-keys/" + key.path("AccessKeyId").asString());
        assertThat(withKey.get("/api/users/ben").status()).isEqualTo(401);
    }

    @Test
    void aStatusOtherThanActiveOrInactiveIsRefusedAndChangesNothing() {
        app.createUser("cid");
        String id = admin.post("/api/users/cid/access-keys").json().path("AccessKey").path("AccessKeyId").asString();

        Response refused = admin.patch("/api/users/cid/access-keys/" + id, json("Status", "inactive"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("InvalidInput");
        assertThat(app.query("SELECT status FROM access_keys WHERE access_key_id = '" + id + "'"))
                .containsExactly(List.of("Active"));
    }

    @Test
    void signingCertificatesAreParsedShowTheirExpiryAndAreLimitedToTwo() {
        app.createUser("dora");
        Response uploaded = admin.post("/api/users/dora/signing-certificates",
                json("CertificateBody", TestApp.resource("/certificates/signing-1.pem")));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        JsonNode certificate = uploaded.json().path("Certificate");
        assertThat(certificate.path("CertificateId").asString()).startsWith("ASCA");
        assertThat(certificate.path("Expiration").asString()).startsWith("2126-");
        assertThat(certificate.path("Status").asString()).isEqualTo("Active");

        Response duplicate = admin.post("/api/users/dora/signing-certificates",
                json("CertificateBody", TestApp.resource("/certificates/signing-1.pem")));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("DuplicateCertificate");

        Response malformed = admin.post("/api/users/dora/signing-certificates", json("CertificateBody",
                "-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("MalformedCertificate");

        assertThat(admin.post("/api/users/dora/signing-certificates",
                json("CertificateBody", TestApp.resource("/certificates/signing-2.pem"))).status()).isEqualTo(200);
        Response third = admin.post("/api/users/dora/signing-certificates",
                json("CertificateBody", TestApp.resource("/certificates/signing-3.pem")));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.errorCode()).isEqualTo("LimitExceeded");
        assertThat(admin.get("/api/users/dora/signing-certificates").json().path("Certificates").size()).isEqualTo(2);
    }

    @Test
    void sshPublicKeysAreCheckedFingerprintedAndLimitedToFive() {
        app.createUser("eve");
        Response uploaded = admin.post("/api/users/eve/ssh-public-keys",
                json("SSHPublicKeyBody", TestApp.resource("/ssh/rsa2048.pub")));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        JsonNode key = uploaded.json().path("SSHPublicKey");
        assertThat(key.path("SSHPublicKeyId").asString()).matches("APKA[A-Z2-7]{16}");
        assertThat(key.path("Fingerprint").asString()).isEqualTo("29:e3:d7:1d:e2:54:c4:1b:e3:46:d5:d0:a8:9a:4b:98");

        Response weak = admin.post("/api/users/eve/ssh-public-keys",
                json("SSHPublicKeyBody", TestApp.resource("/ssh/rsa1024.pub")));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorCode()).isEqualTo("InvalidPublicKey");
        Response duplicate = admin.post("/api/users/eve/ssh-public-keys",
                json("SSHPublicKeyBody", TestApp.resource("/ssh/rsa2048.pub")));
        assertThat(duplicate.errorCode()).isEqualTo("DuplicateSSHPublicKey");

        for (String name : List.of("ed25519", "ecdsa256", "ecdsa384", "ecdsa521")) {
            assertThat(admin.post("/api/users/eve/ssh-public-keys",
                    json("SSHPublicKeyBody", TestApp.resource("/ssh/" + name + ".pub"))).status()).as(name).isEqualTo(200);
        }
        Response sixth = admin.post("/api/users/eve/ssh-public-keys",
                json("SSHPublicKeyBody", TestApp.resource("/ssh/rsa3072.pub")));
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.errorCode()).isEqualTo("LimitExceeded");

        JsonNode listed = admin.get("/api/users/eve/ssh-public-keys").json().path("SSHPublicKeys");
        assertThat(listed.size()).isEqualTo(5);
        assertThat(listed.get(0).has("SSHPublicKeyBody")).isFalse();
        String id = key.path("SSHPublicKeyId").asString();
        assertThat(admin.get("/api/users/eve/ssh-public-keys/" + id + "?Encoding=PEM").json().path("SSHPublicKey")
                .path("SSHPublicKeyBody").asString()).isEqualToIgnoringNewLines(TestApp.resource("/ssh/rsa2048.pem"));
        assertThat(admin.patch("/api/users/eve/ssh-public-keys/" + id, json("Status", "Inactive")).status())
                .isEqualTo(204);
        assertThat(admin.get("/api/users/eve/ssh-public-keys/" + id).json().path("SSHPublicKey").path("Status")
                .asString()).isEqualTo("Inactive");
    }

    @Test
    void serviceSpecificCredentialsAreTwoPerServiceWithAGeneratedUserNameAndAPasswordShownOnce() {
        app.createUser("finn");
        JsonNode first = admin.post("/api/users/finn/service-specific-credentials",
                json("ServiceName", "codecommit.amazonaws.com")).json().path("ServiceSpecificCredential");
        assertThat(first.path("ServiceUserName").asString()).isEqualTo("finn-at-123456789012");
        assertThat(first.path("ServicePassword").asString()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(first.path("ServiceSpecificCredentialId").asString()).startsWith("ACCA");
        JsonNode second = admin.post("/api/users/finn/service-specific-credentials",
                json("ServiceName", "codecommit.amazonaws.com")).json().path("ServiceSpecificCredential");
        assertThat(second.path("ServiceUserName").asString()).isEqualTo("finn+1-at-123456789012");

        Response third = admin.post("/api/users/finn/service-specific-credentials",
                json("ServiceName", "codecommit.amazonaws.com"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.errorCode()).isEqualTo("LimitExceeded");
        assertThat(admin.post("/api/users/finn/service-specific-credentials",
                json("ServiceName", "cassandra.amazonaws.com")).status()).isEqualTo(200);
        Response unsupported = admin.post("/api/users/finn/service-specific-credentials",
                json("ServiceName", "s3.amazonaws.com"));
        assertThat(unsupported.status()).isEqualTo(404);
        assertThat(unsupported.errorCode()).isEqualTo("NotSupportedService");

        String id = first.path("ServiceSpecificCredentialId").asString();
        List<List<String>> hashBefore = app.query(
                "SELECT password_hash FROM service_specific_credentials WHERE credential_id = '" + id + "'");
        JsonNode reset = admin.post("/api/users/finn/service-specific-credentials/" + id + "/reset").json()
                .path("ServiceSpecificCredential");
        assertThat(reset.path("ServicePassword").asString()).isNotEqualTo(first.path("ServicePassword").asString());
        assertThat(app.query("SELECT password_hash FROM service_specific_credentials WHERE credential_id = '" + id + "'"))
                .isNotEqualTo(hashBefore);

        Response listed = admin.get("/api/users/finn/service-specific-credentials?ServiceName=codecommit.amazonaws.com");
        assertThat(listed.json().path("ServiceSpecificCredentials").size()).isEqualTo(2);
        assertThat(listed.text()).doesNotContain("ServicePassword");
        assertThat(admin.patch("/api/users/finn/service-specific-credentials/" + id, json("Status", "Inactive")).status())
                .isEqualTo(204);
        assertThat(admin.delete("/api/users/finn/service-specific-credentials/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/api/users/finn/service-specific-credentials/" + id).errorCode())
                .isEqualTo("NoSuchEntity");
    }

    @Test
    void credentialsOfAnUnknownUserAreNoSuchEntity() {
        assertThat(admin.get("/api/users/nobody/access-keys").errorCode()).isEqualTo("NoSuchEntity");
        assertThat(admin.post("/api/users/nobody/access-keys").status()).isEqualTo(404);
        assertThat(admin.get("/api/users/nobody").status()).isEqualTo(404);
    }
}
