package dev.iamgate.example.api;

import static dev.iamgate.example.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.ApiClient.Response;
import dev.iamgate.example.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The seed policy (AWS's MFA self-manage example) end to end over HTTP against the real app: what a
 * user may do without MFA, with MFA, with an access key alone, and with temporary credentials from
 * sts:GetSessionToken. Each test works with users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedScenarioTest {

    private static final String PASSWORD = TestApp.PASSWORD;

    @TempDir
    static Path data;

    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start(data);
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    @Test
    void withoutMfaAliceCanDoExactlyWhatTheSeedPolicyLeavesHer() {
        ApiClient alice = app.signIn("alice", PASSWORD);

        // Allowed without MFA: the NotAction list of the Deny, where an Allow grants it.
        assertThat(alice.get("/api/users/alice").status()).isEqualTo(200);
        assertThat(alice.get("/api/users/alice/mfa-devices").status()).isEqualTo(200);
        assertThat(alice.get("/api/mfa/virtual-devices").status()).isEqualTo(200);
        String seed = app.enableVirtualMfa(alice, "alice");
        String first = app.nextCode(seed);
        String second = app.nextCode(seed);
        assertThat(alice.post("/api/users/alice/mfa-devices/alice/resync",
                json("AuthenticationCode1", first, "AuthenticationCode2", second)).status()).isEqualTo(204);
        assertThat(alice.post("/api/users/alice/password",
                json("OldPassword", PASSWORD, "NewPassword", "Changed-Passw0rd!")).status()).isEqualTo(204);
        assertThat(alice.post("/api/users/alice/password",
                json("OldPassword", "Changed-Passw0rd!", "NewPassword", "Changed-Again-1")).status()).isEqualTo(204);

        // Everything else is denied by the Deny's BoolIfExists MultiFactorAuthPresent false.
        for (Response denied : List.of(
                alice.get("/api/account/summary"),
                alice.get("/api/account/password-policy"),
                alice.get("/api/users/alice/access-keys"),
                alice.post("/api/users/alice/access-keys"),
                alice.get("/api/users/alice/signing-certificates"),
                alice.get("/api/users/alice/ssh-public-keys"),
                alice.get("/api/users/alice/service-specific-credentials"),
                alice.delete("/api/users/alice/mfa-devices/alice"),
                alice.delete("/api/mfa/virtual-devices/alice"),
                alice.get("/api/users"),
                alice.get("/api/users/bob"),
                alice.get("/api/users/alice/policies/mfa-self-manage"))) {
            assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
            assertThat(denied.errorCode()).isEqualTo("AccessDenied");
        }
        // Not even a device of another name: the Allow is for mfa/${aws:username} only.
        assertThat(alice.post("/api/mfa/virtual-devices/not-alice").status()).isEqualTo(403);
        assertThat(alice.post("/api/users/bob/mfa-devices", json("SerialNumber", "x", "AuthenticationCode1", "123456",
                "AuthenticationCode2", "234567")).status()).isEqualTo(403);
    }

    @Test
    void withMfaAUserManagesAllHerCredentialsAndNoneOfAnotherUsers() {
        app.createSeedUser("carol");
        app.createSeedUser("dave");
        String seed = app.enableVirtualMfa(app.signIn("carol", PASSWORD), "carol");
        ApiClient carol = app.signInWithMfa("carol", PASSWORD, seed);
        ApiClient dave = app.signInWithMfa("dave", PASSWORD, app.enableVirtualMfa(app.signIn("dave", PASSWORD), "dave"));

        assertThat(carol.get("/api/account/summary").status()).isEqualTo(200);
        assertThat(carol.get("/api/account/password-policy").status()).isEqualTo(200);

        Response key = carol.post("/api/users/carol/access-keys");
        assertThat(key.status()).isEqualTo(200);
        String keyId = key.json().path("AccessKey").path("AccessKeyId").asString();
        assertThat(carol.patch("/api/users/carol/access-keys/" + keyId, json("Status", "Inactive")).status()).isEqualTo(204);
        assertThat(carol.get("/api/users/carol/access-keys").json().path("AccessKeyMetadata").get(0).path("Status")
                .asString()).isEqualTo("Inactive");

        Response certificate = carol.post("/api/users/carol/signing-certificates",
                json("CertificateBody", TestApp.resource("/certificates/signing-1.pem")));
        assertThat(certificate.status()).as(certificate.toString()).isEqualTo(200);
        String certificateId = certificate.json().path("Certificate").path("CertificateId").asString();

        Response ssh = carol.post("/api/users/carol/ssh-public-keys",
                json("SSHPublicKeyBody", TestApp.resource("/ssh/ed25519.pub")));
        assertThat(ssh.status()).as(ssh.toString()).isEqualTo(200);
        String sshId = ssh.json().path("SSHPublicKey").path("SSHPublicKeyId").asString();
        assertThat(carol.get("/api/users/carol/ssh-public-keys/" + sshId).status()).isEqualTo(200);

        Response git = carol.post("/api/users/carol/service-specific-credentials",
                json("ServiceName", "codecommit.amazonaws.com"));
        assertThat(git.status()).isEqualTo(200);
        String gitId = git.json().path("ServiceSpecificCredential").path("ServiceSpecificCredentialId").asString();
        assertThat(carol.post("/api/users/carol/service-specific-credentials/" + gitId + "/reset").status())
                .isEqualTo(200);

        // Dave's credentials: every route under /api/users/dave is denied to carol...
        for (Response denied : List.of(
                carol.get("/api/users/dave"),
                carol.get("/api/users/dave/access-keys"),
                carol.post("/api/users/dave/access-keys"),
                carol.get("/api/users/dave/signing-certificates"),
                carol.get("/api/users/dave/ssh-public-keys"),
                carol.get("/api/users/dave/service-specific-credentials"),
                carol.post("/api/users/dave/service-specific-credentials", json("ServiceName", "codecommit.amazonaws.com")),
                carol.get("/api/users/dave/mfa-devices"),
                carol.delete("/api/users/dave/mfa-devices/dave"),
                carol.post("/api/users/dave/password", json("OldPassword", PASSWORD, "NewPassword", "Whatever-123")),
                carol.delete("/api/mfa/virtual-devices/dave"))) {
            assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
        }
        // ...and dave's credential ids under carol's path are not carol's: no such entity.
        String daveKey = dave.post("/api/users/dave/access-keys").json().path("AccessKey").path("AccessKeyId").asString();
        assertThat(carol.delete("/api/users/carol/access-keys/" + daveKey).errorCode()).isEqualTo("NoSuchEntity");
        assertThat(carol.patch("/api/users/carol/access-keys/" + daveKey, json("Status", "Inactive")).status())
                .isEqualTo(404);
        assertThat(dave.get("/api/users/dave/access-keys").json().path("AccessKeyMetadata").get(0).path("Status")
                .asString()).isEqualTo("Active");

        assertThat(carol.delete("/api/users/carol/access-keys/" + keyId).status()).isEqualTo(204);
        assertThat(carol.delete("/api/users/carol/signing-certificates/" + certificateId).status()).isEqualTo(204);
        assertThat(carol.delete("/api/users/carol/ssh-public-keys/" + sshId).status()).isEqualTo(204);
        assertThat(carol.delete("/api/users/carol/service-specific-credentials/" + gitId).status()).isEqualTo(204);
        assertThat(carol.delete("/api/users/carol/mfa-devices/carol").status()).isEqualTo(204);
        assertThat(carol.delete("/api/mfa/virtual-devices/carol").status()).isEqualTo(204);
    }

    @Test
    void anAccessKeyAloneGetsNothingButTheListedActions() {
        app.createSeedUser("erin");
        String seed = app.enableVirtualMfa(app.signIn("erin", PASSWORD), "erin");
        JsonNode key = app.signInWithMfa("erin", PASSWORD, seed).post("/api/users/erin/access-keys").json()
                .path("AccessKey");
        ApiClient withKey = app.client().withAccessKey(key.path("AccessKeyId").asString(),
                key.path("SecretAccessKey").asString());

        // aws:MultiFactorAuthPresent is absent for a long-term key: BoolIfExists ... false matches, the Deny applies.
        assertThat(withKey.get("/api/users/erin").status()).isEqualTo(200);
        assertThat(withKey.get("/api/users/erin/mfa-devices").status()).isEqualTo(200);
        assertThat(withKey.get("/api/mfa/virtual-devices").status()).isEqualTo(200);
        for (Response denied : List.of(
                withKey.get("/api/users/erin/access-keys"),
                withKey.post("/api/users/erin/access-keys"),
                withKey.get("/api/users/erin/ssh-public-keys"),
                withKey.get("/api/account/summary"),
                withKey.delete("/api/users/erin/mfa-devices/erin"))) {
            assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
        }
        // The key's use is recorded: last used time and service.
        JsonNode lastUsed = app.signInWithMfa("erin", PASSWORD, seed).get("/api/users/erin/access-keys").json()
                .path("AccessKeyMetadata").get(0).path("AccessKeyLastUsed");
        assertThat(lastUsed.path("ServiceName").asString()).isEqualTo("iam");
        assertThat(lastUsed.path("LastUsedDate").asString()).isNotEmpty();
    }

    @Test
    void temporaryCredentialsFromGetSessionTokenWithACodeGetEverythingTheUserHas() {
        app.createSeedUser("frank");
        String seed = app.enableVirtualMfa(app.signIn("frank", PASSWORD), "frank");
        JsonNode key = app.signInWithMfa("frank", PASSWORD, seed).post("/api/users/frank/access-keys").json()
                .path("AccessKey");
        ApiClient withKey = app.client().withAccessKey(key.path("AccessKeyId").asString(),
                key.path("SecretAccessKey").asString());

        Response issued = withKey.post("/api/sts/session-token", json("SerialNumber",
                "arn:aws:iam::123456789012:mfa/frank", "TokenCode", app.nextCode(seed), "DurationSeconds", 3600));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        JsonNode credentials = issued.json().path("Credentials");
        assertThat(credentials.path("AccessKeyId").asString()).startsWith("ASIA").hasSize(20);
        assertThat(credentials.path("Expiration").asString()).isNotEmpty();
        ApiClient temporary = app.client().withTemporaryCredentials(credentials);

        assertThat(temporary.get("/api/users/frank/access-keys").status()).isEqualTo(200);
        assertThat(temporary.get("/api/account/summary").status()).isEqualTo(200);
        assertThat(temporary.post("/api/users/frank/service-specific-credentials",
                json("ServiceName", "cassandra.amazonaws.com")).status()).isEqualTo(200);
        assertThat(temporary.get("/api/users/alice/access-keys").status()).isEqualTo(403);
        assertThat(temporary.get("/api/users").status()).isEqualTo(403);

        // Without the token, or with a wrong one, the temporary key is nothing.
        assertThat(app.client().withAccessKey(credentials.path("AccessKeyId").asString(),
                credentials.path("SecretAccessKey").asString()).get("/api/users/frank").status()).isEqualTo(401);
        assertThat(app.client().withAccessKey(credentials.path("AccessKeyId").asString(),
                credentials.path("SecretAccessKey").asString()).withHeader("X-Amz-Security-Token", "forged")
                .get("/api/users/frank").status()).isEqualTo(401);

        // Expired credentials are refused as such.
        app.clock.advance(Duration.ofSeconds(3601));
        Response expired = temporary.get("/api/users/frank");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo("ExpiredToken");
    }

    @Test
    void temporaryCredentialsWithoutACodeCarryMfaFalseAndGetOnlyTheListedActions() {
        app.createSeedUser("grace");
        String seed = app.enableVirtualMfa(app.signIn("grace", PASSWORD), "grace");
        JsonNode key = app.signInWithMfa("grace", PASSWORD, seed).post("/api/users/grace/access-keys").json()
                .path("AccessKey");
        ApiClient withKey = app.client().withAccessKey(key.path("AccessKeyId").asString(),
                key.path("SecretAccessKey").asString());

        JsonNode credentials = withKey.post("/api/sts/session-token").json().path("Credentials");
        ApiClient temporary = app.client().withTemporaryCredentials(credentials);

        assertThat(temporary.get("/api/users/grace").status()).isEqualTo(200);
        assertThat(temporary.get("/api/users/grace/access-keys").status()).isEqualTo(403);
        assertThat(temporary.get("/api/session").json().path("MfaAuthenticated").asBoolean()).isFalse();
    }

    @Test
    void getSessionTokenRefusesAWrongCodeAndSessionCredentials() {
        app.createSeedUser("heidi");
        String seed = app.enableVirtualMfa(app.signIn("heidi", PASSWORD), "heidi");
        ApiClient session = app.signInWithMfa("heidi", PASSWORD, seed);
        JsonNode key = session.post("/api/users/heidi/access-keys").json().path("AccessKey");
        ApiClient withKey = app.client().withAccessKey(key.path("AccessKeyId").asString(),
                key.path("SecretAccessKey").asString());

        String code = app.nextCode(seed);
        String wrong = code.equals("000000") ? "000001" : "000000";
        Response refused = withKey.post("/api/sts/session-token", json("SerialNumber",
                "arn:aws:iam::123456789012:mfa/heidi", "TokenCode", wrong));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("AccessDenied");

        Response fromSession = session.post("/api/sts/session-token");
        assertThat(fromSession.status()).isEqualTo(403);
    }

    @Test
    void aWrongSecretIsNotAuthenticatedAndNeverFallsBackToTheSession() {
        ApiClient bob = app.signIn("bob", PASSWORD);
        bob.withAccessKey("AKIAAAAAAAAAAAAAAAAA", "wrong");

        Response response = bob.get("/api/users/bob");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("InvalidClientTokenId");
        assertThat(response.header("WWW-Authenticate")).isNull();
    }
}
