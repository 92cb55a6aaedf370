package dev.iamgate.example.api;

import static dev.iamgate.example.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

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

/** The admin manages users and their inline policies; policies are validated before anything is stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyAdministrationTest {

    private static final String ALLOW_GET_SELF = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetUser",
              "Resource": "arn:aws:iam::*:user/${aws:username}"}]}""";

    private static final String DENY_GET_USER = """
            {
              "Version": "2012-10-17",
              "Statement": [{"Sid": "NoGetUser", "Effect": "Deny", "Action": "iam:GetUser", "Resource": "*"}]
            }""";

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
    void aValidPolicyTakesEffectOnTheNextRequestAndItsRemovalToo() {
        app.createUser("ivan");
        ApiClient ivan = app.signIn("ivan", TestApp.PASSWORD);
        ApiClient admin = app.admin();
        assertThat(ivan.get("/api/users/ivan").status()).isEqualTo(403);

        assertThat(admin.put("/api/users/ivan/policies/get-self", ALLOW_GET_SELF).status()).isEqualTo(200);
        assertThat(ivan.get("/api/users/ivan").status()).isEqualTo(200);

        Response put = admin.put("/api/users/ivan/policies/no-get-user", DENY_GET_USER);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(ivan.get("/api/users/ivan").status()).isEqualTo(403);
        Response stored = admin.get("/api/users/ivan/policies/no-get-user");
        assertThat(stored.json().path("PolicyDocument").asString()).isEqualTo(DENY_GET_USER);
        assertThat(stored.json().path("UserName").asString()).isEqualTo("ivan");

        assertThat(admin.delete("/api/users/ivan/policies/no-get-user").status()).isEqualTo(204);
        assertThat(ivan.get("/api/users/ivan").status()).isEqualTo(200);
        assertThat(admin.get("/api/users/ivan/policies/no-get-user").errorCode()).isEqualTo("NoSuchEntity");
    }

    @Test
    void anInvalidPolicyIsRefusedWithItsFindingsAndNothingIsStored() {
        List<List<String>> policiesBefore = app.query("SELECT * FROM user_policies ORDER BY user_name, policy_name");
        List<List<String>> revisionBefore = app.query("SELECT revision FROM policy_revision");
        String broken = """
                {
                  "Version": "2012-10-17",
                  "Statement": [{"Effect": "allow", "Action": "iam:*", "Resource": "*"}]
                }""";

        Response refused = app.admin().put("/api/users/admin/policies/broken", broken);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("MalformedPolicyDocument");
        JsonNode findings = refused.json().path("Error").path("Findings");
        assertThat(findings.isArray()).isTrue();
        assertThat(findings.get(0).path("Severity").asString()).isEqualTo("error");
        assertThat(findings.get(0).path("Check").asString()).isEqualTo("invalid-effect");
        assertThat(findings.get(0).path("Line").asInt()).isEqualTo(3);
        assertThat(app.query("SELECT * FROM user_policies ORDER BY user_name, policy_name")).isEqualTo(policiesBefore);
        assertThat(app.query("SELECT revision FROM policy_revision")).isEqualTo(revisionBefore);
        assertThat(app.admin().get("/api/users/admin/policies/broken").status()).isEqualTo(404);
    }

    @Test
    void aPolicyThatIsNotJsonIsRefusedWithTheParserFinding() {
        Response refused = app.admin().put("/api/users/admin/policies/not-json", "{\"Version\": \"2012-10-17\",");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("Error").path("Findings").get(0).path("Check").asString()).isEqualTo("json-syntax");
    }

    @Test
    void warningsDoNotStopAPolicyAndAreReported() {
        app.createUser("leo");

        Response put = app.admin().put("/api/users/leo/policies/broad",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:Get*\","
                        + "\"NotResource\":\"arn:aws:iam::123456789012:user/admin\"}]}");

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(ApiClient.values(put.json().path("Findings"), "Check")).contains("allow-with-not-resource");
    }

    @Test
    void theUsersInlinePoliciesTogetherStayWithinIamsSizeLimit() {
        // The seed policy alone comes close to IAM's 2,048 characters for all of a user's inline policies.
        app.createSeedUser("judy");

        Response refused = app.admin().put("/api/users/judy/policies/more", DENY_GET_USER);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("LimitExceeded");
        assertThat(app.query("SELECT policy_name FROM user_policies WHERE user_name = 'judy'"))
                .containsExactly(List.of("mfa-self-manage"));
    }

    @Test
    void usersCannotManagePoliciesOrUsersWithoutBeingAllowed() {
        ApiClient bob = app.signIn("bob", TestApp.PASSWORD);

        assertThat(bob.put("/api/users/bob/policies/mine", DENY_GET_USER).status()).isEqualTo(403);
        assertThat(bob.post("/api/users", json("UserName", "mallory")).status()).isEqualTo(403);
        assertThat(app.query("SELECT user_name FROM users WHERE user_name = 'mallory'")).isEmpty();
    }

    @Test
    void theAdminCreatesUsersWhosePasswordMeetsThePolicy() {
        ApiClient admin = app.admin();

        Response weak = admin.post("/api/users", json("UserName", "ken", "Password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorCode()).isEqualTo("PasswordPolicyViolation");
        assertThat(app.query("SELECT user_name FROM users WHERE user_name = 'ken'")).isEmpty();

        Response created = admin.post("/api/users", json("UserName", "ken", "Password", "Long-enough-1"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("User").path("UserId").asString()).startsWith("AIDA");
        assertThat(created.json().path("User").path("Arn").asString()).isEqualTo("arn:aws:iam::123456789012:user/ken");
        assertThat(ApiClient.values(admin.get("/api/users").json().path("Users"), "UserName")).contains("ken");

        Response again = admin.post("/api/users", json("UserName", "KEN"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("EntityAlreadyExists");
        // A user without policies can sign in, and do nothing.
        assertThat(app.signIn("ken", "Long-enough-1").get("/api/users/ken").status()).isEqualTo(403);
    }

    @Test
    void aDenyOnTheUserArnNamedInTheBodyRefusesCreateUserThoughTheRouteIsMappedToStar() {
        app.createUser("hank");
        ApiClient admin = app.admin();
        String policy = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*"},
                  {"Effect": "Deny", "Action": "iam:CreateUser", "Resource": "arn:aws:iam::*:user/admin-*"}]}""";
        assertThat(admin.put("/api/users/hank/policies/create-but-no-admins", policy).status()).isEqualTo(200);
        ApiClient hank = app.signIn("hank", TestApp.PASSWORD);

        Response denied = hank.post("/api/users", json("UserName", "admin-eve"));
        Response created = hank.post("/api/users", json("UserName", "eve"));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("AccessDenied");
        assertThat(denied.json().path("Error").path("Message").asString()).contains("iam:CreateUser on resource: arn:aws:iam::123456789012:user/admin-eve"
                + " with an explicit deny");
        assertThat(app.query("SELECT user_name FROM users WHERE user_name = 'admin-eve'")).isEmpty();
        assertThat(created.status()).isEqualTo(200);
    }
}
