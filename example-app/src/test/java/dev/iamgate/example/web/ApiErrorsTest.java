package dev.iamgate.example.web;

import static dev.iamgate.example.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.ApiClient.Response;
import dev.iamgate.example.testing.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Refusals have the AWS shape and the status of semantics section 7.2; never a stack trace. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsTest {

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
    void malformedJsonIsA400WithoutEchoingTheBody() {
        Response response = app.client().send("POST", "/api/login", "{\"UserName\":\"bob\",\"Password\":\"hunter2",
                "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("MalformedInput");
        assertThat(response.text()).doesNotContain("hunter2").doesNotContain("at dev.").doesNotContain("Exception");
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void unknownMembersAndWrongTypesAreRefused() {
        Response unknown = admin.post("/api/users", json("UserName", "zed", "Admin", true));
        Response wrongType = admin.post("/api/users", json("UserName", 42));
        Response notAnObject = admin.post("/api/users", "[1, 2]");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("Error").path("Message").asString()).contains("\"Admin\"");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(app.query("SELECT * FROM users WHERE user_name = 'zed'")).isEmpty();
    }

    @Test
    void aMemberGivenTwiceIsRefusedByNameWithoutEchoingEitherValue() {
        Response response = app.client().send("POST", "/api/login",
                "{\"UserName\":\"bob\",\"Password\":\"hunter2\",\"Password\":\"letmein\"}", "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("MalformedInput");
        assertThat(response.json().path("Error").path("Message").asString())
                .isEqualTo("Member \"Password\" appears more than once in the request body (line 1, column 50).");
        assertThat(response.text()).doesNotContain("hunter2").doesNotContain("letmein");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedBeforeAnythingHappens() {
        Response form = admin.send("POST", "/api/users", "UserName=zoe", "application/x-www-form-urlencoded");

        assertThat(form.status()).isEqualTo(415);
        assertThat(app.query("SELECT * FROM users WHERE user_name = 'zoe'")).isEmpty();
    }

    @Test
    void missingRequiredParametersAreInvalidInput() {
        Response response = admin.post("/api/users", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("InvalidInput");
        assertThat(response.json().path("Error").path("Message").asString()).contains("UserName");
    }

    @Test
    void aNameWithCharactersIamRefusesIsInvalidInput() {
        Response response = admin.post("/api/users", json("UserName", "no spaces/or slashes"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("InvalidInput");
    }

    @Test
    void errorStatusesFollowTheIamApi() {
        assertThat(admin.get("/api/users/nobody").status()).isEqualTo(404);
        assertThat(admin.post("/api/users", json("UserName", "bob")).status()).isEqualTo(409);
        assertThat(admin.post("/api/mfa/virtual-devices/dup").status()).isEqualTo(200);
        assertThat(admin.post("/api/mfa/virtual-devices/dup").status()).isEqualTo(409);
        assertThat(admin.post("/api/users/admin/mfa-devices", json("SerialNumber", "arn:aws:iam::123456789012:mfa/none",
                "AuthenticationCode1", "123456", "AuthenticationCode2", "234567")).status()).isEqualTo(404);
        assertThat(admin.post("/api/users/admin/mfa-devices", json("SerialNumber", "arn:aws:iam::123456789012:mfa/dup",
                "AuthenticationCode1", "12345", "AuthenticationCode2", "234567")).errorCode()).isEqualTo("InvalidInput");
    }

    @Test
    void theFilterAnswersUnmappedAndUnauthenticatedRequestsInTheSameShape() {
        Response anonymous = app.client().get("/api/users/bob");
        Response unmapped = admin.get("/api/nothing-here");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("NotAuthenticated");
        assertThat(anonymous.header("WWW-Authenticate")).isNull();
        assertThat(unmapped.status()).isEqualTo(403);
        assertThat(unmapped.json().path("Error").path("Message").asString()).isNotEmpty();
    }

    @Test
    void anOversizedBodyIsRefused() {
        Response response = admin.post("/api/users", json("UserName", "x".repeat(70_000)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("InvalidInput");
    }
}
