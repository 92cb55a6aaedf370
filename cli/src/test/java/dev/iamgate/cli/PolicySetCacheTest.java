package dev.iamgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.PolicySet;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Byte texts are kept from their second compile on, so a case's single-use policy does not push
 * shared sets out; a kept set is reused whatever buffer the same text comes in.
 */
class PolicySetCacheTest {

    private static final String POLICIES = "{\"identity\":[{\"Version\":\"2012-10-17\",\"Statement\":"
            + "{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}}]}";

    @Test
    void aByteTextIsKeptFromItsSecondCompileOn() {
        PolicySetCache cache = new PolicySetCache(4);
        PolicySet first = lookUp(cache, "x", POLICIES);
        PolicySet second = lookUp(cache, "yy", POLICIES);
        PolicySet third = lookUp(cache, "", POLICIES);

        assertThat(second).isNotSameAs(first);
        assertThat(third).isSameAs(second);
        assertThat(third.statementCount()).isEqualTo(1);
    }

    @Test
    void aTextSeenOnceDoesNotDisplaceAKeptOne() {
        PolicySetCache cache = new PolicySetCache(1);
        lookUp(cache, "", POLICIES);
        PolicySet kept = lookUp(cache, "", POLICIES);
        lookUp(cache, "", POLICIES.replace("GetUser", "GetRole"));

        assertThat(lookUp(cache, "", POLICIES)).isSameAs(kept);
    }

    /** The text placed after a prefix in a larger buffer, as a batch holds it. */
    private static PolicySet lookUp(PolicySetCache cache, String prefix, String text) {
        byte[] buffer = (prefix + text + "}").getBytes(StandardCharsets.UTF_8);
        return cache.get(buffer, prefix.length(), prefix.length() + text.length());
    }
}
