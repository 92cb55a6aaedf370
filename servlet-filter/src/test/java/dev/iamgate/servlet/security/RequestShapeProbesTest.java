package dev.iamgate.servlet.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.servlet.testing.DemoJettyExtension;
import dev.iamgate.servlet.testing.RawHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests whose method, target form or headers differ from the plain ones of the seed scenario,
 * on a real Jetty 12 ee10 with the seed policy and the example app's routes: none of them reaches
 * the protected servlet for a caller the policy denies.
 */
class RequestShapeProbesTest {

    @RegisterExtension
    final DemoJettyExtension jetty = DemoJettyExtension.seedScenario();

    @Test
    void otherMethodsOnAProtectedPathAreNotServed() {
        RawHttp alice = jetty.signedInWithMfa("alice");
        List<String> failures = new ArrayList<>();
        for (String method : List.of("HEAD", "OPTIONS", "TRACE", "PROPFIND", "get", "Get", "gEt", "PUT", "CONNECTX",
                "DELETE", "MKCOL", "X")) {
            for (String path : List.of("/api/users/bob", "/api/users/bob/access-keys", "/api/users")) {
                int before = jetty.served().size();
                int status = alice.send(method, path, null).status();
                if (jetty.served().size() != before || status < 400) {
                    failures.add(method + " " + path + " -> " + status + " " + jetty.served());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void methodOverrideHeadersAndParametersAreNotHonoured() {
        RawHttp alice = jetty.signedInWithMfa("alice");

        RawHttp.Response get = alice.send("GET", "/api/users/alice?_method=DELETE", null,
                "X-HTTP-Method-Override: DELETE", "X-HTTP-Method: DELETE", "X-Method-Override: DELETE");
        assertThat(get.status()).isEqualTo(200);
        assertThat(jetty.served()).containsExactly("GET /api/users/alice");

        RawHttp.Response post = alice.send("POST", "/api/users/bob/access-keys?_method=GET", "_method=GET",
                "X-HTTP-Method-Override: GET");
        assertThat(post.status()).isEqualTo(403);
        assertThat(jetty.served()).containsExactly("GET /api/users/alice");
    }

    @Test
    void absoluteFormTargetsAreDecidedOnTheirPath() {
        RawHttp alice = jetty.signedInWithMfa("alice");
        List<String> failures = new ArrayList<>();
        for (String target : List.of(
                "http://127.0.0.1:" + jetty.port() + "/api/users/bob/access-keys",
                "http://127.0.0.1/api/users/bob/access-keys",
                "HTTP://127.0.0.1/api/users/bob",
                "http://other.example/api/users/bob",
                "http://127.0.0.1//api/users/bob",
                "http://127.0.0.1/api/users/alice/../bob",
                "http://127.0.0.1:" + jetty.port() + "/assets/../api/users/bob",
                "https://127.0.0.1/api/users/bob",
                "http://alice@127.0.0.1/api/users/bob")) {
            int before = jetty.served().size();
            int status = alice.get(target).status();
            if (jetty.served().size() != before || status < 400) {
                failures.add(target + " -> " + status + " " + jetty.served());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void namesThatOnlyLookLikeAnotherUserMapToNoRouteOrToThatLiteralName() {
        RawHttp alice = jetty.signedInWithMfa("alice");
        List<String> failures = new ArrayList<>();
        for (String path : List.of(
                "/api/users/%C3%A0lice", "/api/users/a%CC%80lice", "/api/users/alic%C3%A9", "/api/users/%EF%BD%81lice",
                "/api/users/bob%2e", "/api/users/bob%20", "/api/users/%20bob", "/api/users/bob%09",
                "/api/users/bob%E2%80%8B", "/api/users/b%C2%ADob", "/api/users/BOB", "/api/users/bob.",
                "/api/users/bob~", "/api/users/bob%7e", "/api/users/%62ob/access-keys", "/api/users/bob/access-keys.",
                "/api/users/bob/access-keys%2e", "/api/users/bob/Access-Keys", "/api/users/bob/access-keys/x/..",
                "/api/users/bob/%61ccess-keys", "/api/users/%E2%80%AEbob", "/api/users/bob%F0%9F%98%80",
                "/api/users/bob@", "/api/users/" + "a".repeat(3000), "/api/users/bob/" + "x/".repeat(900) + "y")) {
            int before = jetty.served().size();
            RawHttp.Response response = alice.get(path);
            boolean served = jetty.served().size() != before;
            if (served || response.status() < 400) {
                failures.add(path + " -> " + response.status() + " " + jetty.served());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aSessionCookieTheServerNeverIssuedSignsNobodyIn() {
        RawHttp forged = jetty.anonymous();
        RawHttp.Response response = forged.send("GET", "/api/users/alice", null,
                "Cookie: JSESSIONID=node0forged0000000000000.node0", "X-Amz-Security-Token: x", "Authorization: Basic YWxpY2U6eA==");
        assertThat(response.status()).isEqualTo(401);
        assertThat(jetty.served()).isEmpty();
    }
}
