package dev.iamgate.servlet.internal.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The firewall runs on every request, so on a clean path it allocates nothing but its result: the
 * {@code Accepted} record, plus the path string when it differs from the raw URI. Measured with
 * HotSpot's per-thread allocation counter, averaged over many calls.
 */
class InspectAllocationTest {

    private static final int CALLS = 200_000;

    @Test
    void cleanPathInTheRootContextAllocatesOnlyTheResult() {
        String raw = "/api/users/alice/access-keys";
        // An Accepted record is 16 bytes with compressed references, 24 without.
        assertThat(bytesPerCall(raw, "")).isLessThanOrEqualTo(24);
    }

    @Test
    void cleanPathInAContextAllocatesTheResultAndTheRelativePath() {
        String raw = "/app/api/users/alice/access-keys";
        // Accepted + String + its byte[] of 28 Latin-1 bytes.
        assertThat(bytesPerCall(raw, "/app")).isLessThanOrEqualTo(24 + 24 + 48);
    }

    @Test
    void decodingAPathAllocatesOneBufferBesidesTheResult() {
        String raw = "/api/users/alice%40example.com/access-keys";
        // Accepted + char[] buffer as long as the raw URI (84 bytes + header) + String + byte[].
        assertThat(bytesPerCall(raw, "")).isLessThanOrEqualTo(24 + 104 + 24 + 56);
    }

    private static long bytesPerCall(String raw, String context) {
        // HotSpot (every JDK this project builds with) counts allocation per thread.
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
        PathFirewall firewall = PathFirewall.strict();
        long thread = Thread.currentThread().getId();
        Object sink = null;
        for (int k = 0; k < CALLS; k++) { // warm up, so that the JIT has compiled inspect
            sink = firewall.inspect(raw, context);
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int k = 0; k < CALLS; k++) {
            sink = firewall.inspect(raw, context);
        }
        long after = threads.getThreadAllocatedBytes(thread);
        assertThat(sink).isInstanceOf(FirewallResult.Accepted.class);
        return (after - before) / CALLS;
    }
}
