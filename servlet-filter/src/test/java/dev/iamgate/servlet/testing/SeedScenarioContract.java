package dev.iamgate.servlet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.servlet.IamGateFilter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed policy scenario end to end over HTTP, and the bypass payload list, against a real
 * container. Each container test extends this class and says how to start its container with
 * {@link DemoServlets} at {@code /api/login}, {@code /api/login/mfa}, {@code /api/*} and
 * {@code /assets/*} (the dispatching page) behind the given filter on {@code /*}, mapped for
 * {@link IamGateFilter#dispatcherTypes()}.
 */
public abstract class SeedScenarioContract {

    private DemoServlets servlets;
    private int port;

    /** Starts the container and returns its port. */
    protected abstract int start(DemoServlets servlets, IamGateFilter filter) throws Exception;

    protected abstract void stop() throws Exception;

    /** The filter of these scenarios: the seed policy for everyone, the example app's routes, enforcing. */
    public static IamGateFilter seedPolicyFilter() {
        return DemoJettyExtension.seedPolicyFilter("classpath:/routing/example-app-routes.json");
    }

    @BeforeEach
    void startContainer() throws Exception {
        servlets = new DemoServlets();
        port = start(servlets, seedPolicyFilter());
    }

    @AfterEach
    void stopContainer() throws Exception {
        stop();
    }

    private RawHttp signedIn(String user, boolean mfa) {
        RawHttp client = new RawHttp(port);
        assertThat(client.post("/api/login", "user=" + user).status()).isEqualTo(200);
        if (mfa) {
            assertThat(client.post("/api/login/mfa", "").status()).isEqualTo(200);
        }
        return client;
    }

    private static String errorCode(RawHttp.Response response) {
        return JsonMapper.builder().build().readTree(response.body()).path("Error").path("Code").asString();
    }

    @Test
    void withoutSigningInProtectedRoutesAnswer401() {
        RawHttp.Response response = new RawHttp(port).get("/api/users/alice");

        assertThat(response.status()).isEqualTo(401);
        assertThat(errorCode(response)).isEqualTo("NotAuthenticated");
        assertThat(servlets.served).isEmpty();
    }

    @Test
    void withoutMfaOnlyTheActionsTheSeedPolicyListsAreAllowed() {
        RawHttp alice = signedIn("alice", false);

        assertThat(alice.get("/api/users/alice").status()).isEqualTo(200);
        assertThat(alice.post("/api/users/alice/password", "").status()).isEqualTo(200);
        assertThat(alice.post("/api/mfa/virtual-devices/alice", "").status()).isEqualTo(200);
        assertThat(alice.post("/api/users/alice/mfa-devices", "").status()).isEqualTo(200);
        assertThat(alice.get("/api/users/alice/mfa-devices").status()).isEqualTo(200);
        assertThat(alice.get("/api/mfa/virtual-devices").status()).isEqualTo(200);

        RawHttp.Response createKey = alice.post("/api/users/alice/access-keys", "");
        assertThat(createKey.status()).isEqualTo(403);
        assertThat(errorCode(createKey)).isEqualTo("AccessDenied");
        assertThat(createKey.body()).contains("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: "
                + "iam:CreateAccessKey on resource: arn:aws:iam::123456789012:user/alice with an explicit deny");
        assertThat(alice.get("/api/users/alice/access-keys").status()).isEqualTo(403);
        assertThat(alice.get("/api/account/summary").status()).isEqualTo(403);
        assertThat(servlets.served).hasSize(6);
    }

    @Test
    void withMfaUsersManageTheirOwnCredentialsAndNoOneElses() {
        RawHttp alice = signedIn("alice", true);

        assertThat(alice.post("/api/users/alice/access-keys", "").status()).isEqualTo(200);
        assertThat(alice.send("PATCH", "/api/users/alice/access-keys/AKIAEXAMPLE", "").status()).isEqualTo(200);
        assertThat(alice.get("/api/users/alice/ssh-public-keys").status()).isEqualTo(200);
        assertThat(alice.post("/api/users/alice/service-specific-credentials/ACCA1/reset", "").status()).isEqualTo(200);
        assertThat(alice.get("/api/account/summary").status()).isEqualTo(200);

        RawHttp.Response bobsKeys = alice.post("/api/users/bob/access-keys", "");
        assertThat(bobsKeys.status()).isEqualTo(403);
        assertThat(bobsKeys.body()).contains("because no identity-based policy allows the iam:CreateAccessKey action");
        assertThat(alice.get("/api/users/bob").status()).isEqualTo(403);
        assertThat(alice.get("/api/users").status()).isEqualTo(403);
        assertThat(alice.send("DELETE", "/api/users/bob/policies/inline", null).status()).isEqualTo(403);
        assertThat(servlets.served).hasSize(5);
    }

    @Test
    void unmappedRequestsAreDeniedAndAuthenticatedOnlyRoutesNeedOnlyACaller() {
        RawHttp alice = signedIn("alice", true);

        assertThat(alice.get("/api/not-a-route").status()).isEqualTo(403);
        assertThat(new RawHttp(port).get("/api/not-a-route").status()).isEqualTo(401);
        assertThat(alice.post("/api/sts/session-token", "").status()).isEqualTo(200);
        assertThat(new RawHttp(port).post("/api/sts/session-token", "").status()).isEqualTo(401);
        assertThat(servlets.served).containsExactly("POST /api/sts/session-token");
    }

    @Test
    void aForwardFromAPublicPageIsDecidedOnTheProtectedPathItRuns() {
        assertThat(new RawHttp(port).get("/assets/page?forward=/api/users/bob/access-keys").status()).isEqualTo(401);
        RawHttp alice = signedIn("alice", true);
        RawHttp.Response denied = alice.get("/assets/page?forward=/api/users/bob/access-keys");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(errorCode(denied)).isEqualTo("AccessDenied");
        assertThat(servlets.served).isEmpty();

        assertThat(alice.get("/assets/page?forward=/api/users/alice/access-keys").status()).isEqualTo(200);
        assertThat(servlets.served).hasSize(1);
    }

    @Test
    void anIncludeTheCallerMayNotSeeFailsTheIncludingPageWithoutRunningIt() {
        assertThat(new RawHttp(port).get("/assets/page?include=/api/users/bob/access-keys").status()).isEqualTo(500);
        RawHttp alice = signedIn("alice", true);
        assertThat(alice.get("/assets/page?include=/api/users/bob/access-keys").status()).isEqualTo(500);
        assertThat(servlets.served).isEmpty();

        RawHttp.Response allowed = alice.get("/assets/page?include=/api/users/alice/access-keys");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).contains("served for arn:aws:iam::" + DemoServlets.ACCOUNT + ":user/alice");
        assertThat(servlets.served).hasSize(1);
    }

    @Test
    void aRefusalSentBeforeTheRequestBodySaysTheConnectionCloses() {
        RawHttp alice = signedIn("alice", false);

        // The container closes a connection whose request body is left unread: a keep-alive client must
        // be told, or it sends its next request on a connection that is closing.
        RawHttp.Response refused = alice.sendHeadWithoutBody("POST", "/api/users/alice/access-keys", 64);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Connection")).hasValueSatisfying(value -> assertThat(value).containsIgnoringCase("close"));
        RawHttp.Response anonymous = new RawHttp(port).sendHeadWithoutBody("POST", "/api/users/alice/access-keys", 64);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Connection")).hasValueSatisfying(value -> assertThat(value).containsIgnoringCase("close"));
        assertThat(servlets.served).isEmpty();
    }

    @Test
    void noBypassPayloadIsEverServed() throws IOException {
        RawHttp anonymous = new RawHttp(port);
        RawHttp alice = signedIn("alice", true);
        RawHttp bob = signedIn("bob", true);
        List<String> failures = new ArrayList<>();
        for (JsonNode payload : payloads()) {
            String path = payload.get("path").asString();
            String target = payload.get("target").asString();
            RawHttp withoutRight = target.startsWith("/api/users/bob") ? alice : bob;
            for (RawHttp client : List.of(anonymous, withoutRight)) {
                int before = servlets.served.size();
                int status = client.get(path).status();
                boolean served = servlets.served.size() != before;
                if (status >= 200 && status < 300 || served) {
                    failures.add(path + " was served (" + status + ")");
                }
                if ("400".equals(payload.get("expect").asString()) && status != 400) {
                    failures.add(path + " answered " + status + ", expected 400");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static List<JsonNode> payloads() throws IOException {
        try (InputStream in = Objects.requireNonNull(
                SeedScenarioContract.class.getResourceAsStream("/security/bypass-payloads.json"))) {
            List<JsonNode> list = new ArrayList<>();
            JsonMapper.builder().build().readTree(in).forEach(list::add);
            assertThat(list).isNotEmpty();
            return list;
        }
    }
}
