package dev.iamgate.servlet.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.servlet.testing.DemoJettyExtension;
import dev.iamgate.servlet.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dispatches that run another path than the one requested, beyond the forward and include every
 * container checks in {@code SeedScenarioContract}: an asynchronous dispatch, and targets written
 * with dot segments. On a real Jetty 12 ee10 with the seed policy, the filter mapped for
 * {@code IamGateFilter.dispatcherTypes()}; the public page dispatches to its query's target.
 */
class DispatchesAreDecidedOnTheirTargetTest {

    @RegisterExtension
    final DemoJettyExtension jetty = DemoJettyExtension.seedScenario();

    @Test
    void anAsynchronousDispatchToAProtectedPathIsDecidedLikeARequestForIt() {
        assertThat(jetty.anonymous().get("/assets/page?async=/api/users/bob/access-keys").status()).isEqualTo(401);
        RawHttp alice = jetty.signedInWithMfa("alice");
        assertThat(alice.get("/assets/page?async=/api/users/bob/access-keys").status()).isEqualTo(403);
        assertThat(jetty.served()).isEmpty();

        assertThat(alice.get("/assets/page?async=/api/users/alice/access-keys").status()).isEqualTo(200);
        assertThat(jetty.served()).hasSize(1);
    }

    @Test
    void dispatchTargetsWithDotSegmentsDoNotReachAnotherUsersKeys() {
        RawHttp alice = jetty.signedInWithMfa("alice");
        String bobsKeys = "/api/users/alice/../bob/access-keys";

        assertThat(alice.get("/assets/page?forward=" + bobsKeys).status()).isIn(400, 403);
        assertThat(alice.get("/assets/page?include=" + bobsKeys).status()).isEqualTo(500);
        assertThat(alice.get("/assets/page?async=" + bobsKeys).status()).isIn(400, 403);
        assertThat(jetty.served()).isEmpty();
    }
}
