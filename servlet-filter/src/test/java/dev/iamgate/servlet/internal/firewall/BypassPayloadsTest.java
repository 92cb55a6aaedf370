package dev.iamgate.servlet.internal.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.servlet.internal.firewall.FirewallResult.Accepted;
import dev.iamgate.servlet.internal.firewall.FirewallResult.Rejected;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared payload list against the strict firewall alone, without a container: every
 * {@code expect: 400} entry is rejected; an {@code expect: deny} entry the firewall accepts decides
 * on a path other than its target, so it is left to the router and the policies, which see that
 * other path. {@link FirewallContainerTest} sends the same list over HTTP.
 */
class BypassPayloadsTest {

    private static final PathFirewall STRICT = PathFirewall.strict();

    static List<BypassPayload> payloads() {
        return BypassPayload.all();
    }

    @Test
    void theListHasBothKindsOfEntry() {
        assertThat(payloads()).anyMatch(BypassPayload::mustBeRejected).anyMatch(p -> !p.mustBeRejected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void payloadIsRejectedOrDecidedOnAnotherPath(BypassPayload payload) {
        FirewallResult result = STRICT.inspect(payload.path(), "");
        if (payload.mustBeRejected()) {
            assertThat(result).isInstanceOf(Rejected.class);
        } else if (result instanceof Accepted accepted) {
            assertThat(accepted.path()).isNotEqualTo(payload.target());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void payloadUnderANonRootContextIsRejectedOrDecidedOnAnotherPath(BypassPayload payload) {
        FirewallResult result = STRICT.inspect("/app" + payload.path(), "/app");
        if (payload.mustBeRejected()) {
            assertThat(result).isInstanceOf(Rejected.class);
        } else if (result instanceof Accepted accepted) {
            assertThat(accepted.path()).isNotEqualTo(payload.target());
        }
    }
}
