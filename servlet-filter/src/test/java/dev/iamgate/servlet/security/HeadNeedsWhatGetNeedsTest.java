package dev.iamgate.servlet.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.servlet.testing.DemoJettyExtension;
import dev.iamgate.servlet.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HttpServlet answers HEAD by running doGet, so a HEAD route looser than the GET route of the same
 * path (public, or for any caller, where GET needs a policy) would run the GET handler for anyone
 * and tell the size of its answer: a HEAD request must pass the path's GET route as well as its
 * own. On a real Jetty 12 ee10 with the seed policy and a mapping that declares such HEAD routes.
 */
class HeadNeedsWhatGetNeedsTest {

    @RegisterExtension
    final DemoJettyExtension jetty = DemoJettyExtension.withMapping("classpath:/security/looser-head-routes.json");

    @Test
    void aPublicHeadRouteStillNeedsACallerTheGetRouteAllows() {
        assertThat(jetty.anonymous().send("HEAD", "/api/users/alice", null).status()).isEqualTo(401);
        RawHttp alice = jetty.signedInWithMfa("alice");
        assertThat(alice.send("HEAD", "/api/users/bob", null).status()).isEqualTo(403);
        assertThat(jetty.served()).isEmpty();

        assertThat(alice.send("HEAD", "/api/users/alice", null).status()).isEqualTo(200);
        assertThat(jetty.served()).containsExactly("HEAD /api/users/alice");
    }

    @Test
    void anAuthenticatedOnlyHeadRouteStillNeedsTheGetRoutesAllow() {
        RawHttp alice = jetty.signedInWithMfa("alice");
        assertThat(alice.send("HEAD", "/api/users/bob/access-keys", null).status()).isEqualTo(403);
        assertThat(jetty.served()).isEmpty();
        assertThat(alice.send("HEAD", "/api/users/alice/access-keys", null).status()).isEqualTo(200);
    }

    @Test
    void aHeadRouteWithoutAGetRouteOrDeclaredWithGetIsDecidedOnceOnItsOwn() {
        assertThat(jetty.anonymous().send("HEAD", "/api/ping", null).status()).isEqualTo(200);
        assertThat(jetty.anonymous().send("HEAD", "/api/account/summary", null).status()).isEqualTo(401);
        RawHttp alice = jetty.signedInWithMfa("alice");
        assertThat(alice.send("HEAD", "/api/account/summary", null).status()).isEqualTo(200);
    }
}
