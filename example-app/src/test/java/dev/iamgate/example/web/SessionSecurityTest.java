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

/** Browser sessions: the cookie's attributes, CSRF protection, sign-in and sign-out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSecurityTest {

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
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        Response signedIn = app.client().post("/api/login", json("UserName", "bob", "Password", TestApp.PASSWORD));

        String cookie = signedIn.header("Set-Cookie");
        assertThat(cookie).startsWith("IAMGATE_SESSION=").contains("HttpOnly").contains("SameSite=Strict");
        // Plain HTTP here; the same cookie is Secure when the request comes over TLS.
        assertThat(cookie).doesNotContain("Secure");
    }

    @Test
    void aStateChangingRequestWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        app.createSeedUser("gwen");
        ApiClient gwen = app.signIn("gwen", TestApp.PASSWORD);
        String token = gwen.csrfToken();

        gwen.withCsrfToken(null);
        Response missing = gwen.post("/api/mfa/virtual-devices/gwen");
        gwen.withCsrfToken("not-the-token");
        Response wrong = gwen.post("/api/mfa/virtual-devices/gwen");

        for (Response refused : new Response[] {missing, wrong}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("InvalidCsrfToken");
        }
        assertThat(app.query("SELECT * FROM mfa_devices WHERE device_name = 'gwen'")).isEmpty();
        gwen.withCsrfToken(token);
        assertThat(gwen.post("/api/mfa/virtual-devices/gwen").status()).isEqualTo(200);
        // Reading needs no token.
        gwen.withCsrfToken(null);
        assertThat(gwen.get("/api/users/gwen").status()).isEqualTo(200);
    }

    @Test
    void aStateChangingRequestFromAnotherSiteIsRefusedWhateverItsCredentials() {
        ApiClient admin = app.admin().withHeader("Sec-Fetch-Site", "cross-site");

        Response refused = admin.post("/api/users", json("UserName", "crossy"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(app.query("SELECT * FROM users WHERE user_name = 'crossy'")).isEmpty();
    }

    @Test
    void signingInAgainGivesANewTokenAndANewSessionId() {
        ApiClient bob = app.signIn("bob", TestApp.PASSWORD);
        String firstToken = bob.csrfToken();
        String firstCookie = bob.cookies().get(0).getValue();

        assertThat(bob.post("/api/login", json("UserName", "bob", "Password", TestApp.PASSWORD)).status()).isEqualTo(200);

        assertThat(bob.csrfToken()).isNotEqualTo(firstToken);
        assertThat(bob.cookies().get(0).getValue()).isNotEqualTo(firstCookie);
    }

    @Test
    void theSessionDescribesItsCallerAndItsToken() {
        ApiClient bob = app.signIn("bob", TestApp.PASSWORD);

        Response session = bob.get("/api/session");

        assertThat(session.json().path("UserName").asString()).isEqualTo("bob");
        assertThat(session.json().path("MfaAuthenticated").asBoolean()).isFalse();
        assertThat(session.json().path("CsrfToken").asString()).isEqualTo(bob.csrfToken());
        assertThat(app.client().get("/api/session").status()).isEqualTo(401);
    }

    @Test
    void signingOutEndsTheSession() {
        ApiClient bob = app.signIn("bob", TestApp.PASSWORD);

        assertThat(bob.post("/api/logout").status()).isEqualTo(204);

        Response after = bob.get("/api/users/bob");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorCode()).isEqualTo("NotAuthenticated");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        Response wrongPassword = app.client().post("/api/login", json("UserName", "bob", "Password", "wrong-password"));
        Response unknownUser = app.client().post("/api/login", json("UserName", "nobody", "Password", "wrong-password"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.text()).isEqualTo(unknownUser.text());
        assertThat(wrongPassword.header("Set-Cookie")).isNull();
    }

    @Test
    void aUserWithoutAPasswordGetsTheSameAnswerAsAnUnknownUser() {
        assertThat(app.admin().post("/api/users", json("UserName", "nopass")).status()).isEqualTo(200);

        Response noPassword = app.client().post("/api/login", json("UserName", "nopass", "Password", "wrong-password"));
        Response unknownUser = app.client().post("/api/login", json("UserName", "nobody", "Password", "wrong-password"));

        assertThat(noPassword.status()).isEqualTo(401);
        assertThat(noPassword.text()).isEqualTo(unknownUser.text());
        assertThat(noPassword.header("Set-Cookie")).isNull();
    }

    @Test
    void theChangedPasswordMustMeetThePolicyAndNotRepeatARecentOne() {
        app.createSeedUser("hank");
        ApiClient hank = app.signIn("hank", TestApp.PASSWORD);

        Response weak = hank.post("/api/users/hank/password", json("OldPassword", TestApp.PASSWORD, "NewPassword", "weak"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorCode()).isEqualTo("PasswordPolicyViolation");
        Response wrongOld = hank.post("/api/users/hank/password", json("OldPassword", "not-it", "NewPassword", "Strong-Passw0rd"));
        assertThat(wrongOld.status()).isEqualTo(403);
        assertThat(wrongOld.errorCode()).isEqualTo("AccessDenied");

        assertThat(hank.post("/api/users/hank/password", json("OldPassword", TestApp.PASSWORD, "NewPassword",
                "Strong-Passw0rd")).status()).isEqualTo(204);
        Response reused = hank.post("/api/users/hank/password", json("OldPassword", "Strong-Passw0rd", "NewPassword",
                TestApp.PASSWORD));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.errorCode()).isEqualTo("PasswordPolicyViolation");
        assertThat(reused.json().path("Error").path("Message").asString()).contains("used recently");
        app.signIn("hank", "Strong-Passw0rd");
    }

    @Test
    void changingThePasswordEndsTheUsersOtherSessionsAndKeepsTheOneThatChangedIt() {
        app.createSeedUser("ivan");
        ApiClient thief = app.signIn("ivan", TestApp.PASSWORD);
        ApiClient ivan = app.signIn("ivan", TestApp.PASSWORD);
        String before = ivan.cookies().toString();

        assertThat(ivan.post("/api/users/ivan/password", json("OldPassword", TestApp.PASSWORD, "NewPassword",
                "Other-Passw0rd")).status()).isEqualTo(204);

        Response stale = thief.get("/api/users/ivan");
        assertThat(stale.status()).isEqualTo(401);
        assertThat(thief.get("/api/session").status()).isEqualTo(401);
        assertThat(thief.post("/api/users/ivan/password", json("OldPassword", "Other-Passw0rd", "NewPassword",
                "Third-Passw0rd")).status()).isIn(401, 403);
        assertThat(ivan.get("/api/users/ivan").status()).isEqualTo(200);
        assertThat(ivan.cookies().toString()).as("the session id is rotated").isNotEqualTo(before);
        assertThat(ivan.post("/api/mfa/virtual-devices/ivan").status()).isEqualTo(200);
        app.signIn("ivan", "Other-Passw0rd");
    }

    @Test
    void theStaticPageIsPublicAndCarriesTheSecurityHeaders() {
        Response page = app.client().get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Server")).isNull();
        // The container serves "/" by forwarding to its welcome file, and the filter decides forwards
        // on their target: the page is public under both names, and only the mapped paths are public.
        assertThat(app.client().get("/index.html").status()).isEqualTo(200);
        assertThat(app.client().get("/other.html").status()).isEqualTo(401);
    }
}
