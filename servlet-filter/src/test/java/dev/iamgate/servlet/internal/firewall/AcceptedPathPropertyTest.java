package dev.iamgate.servlet.internal.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.servlet.internal.firewall.FirewallResult.Accepted;
import dev.iamgate.servlet.internal.firewall.FirewallResult.Rejected;
import java.util.Random;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.util.URIUtil;
import org.junit.jupiter.api.Test;

/**
 * Property tests over random paths assembled from the pieces bypasses are made of: whatever the
 * firewall accepts is free of every ambiguity and is exactly what Jetty 12 decodes and dispatches
 * for the same raw URI. Seeded, so a failure reproduces.
 */
class AcceptedPathPropertyTest {

    private static final int RUNS = 40_000;

    /** Path pieces: clean ones weighted up so that a good share of paths is accepted. */
    private static final String[] PIECES = {
        "a", "a", "b", "users", "alice", "Bob", "9", "-", "_", "~", "@", ":", "+", "=", ",", "!", "$", "&", "'", "(", ")",
        "*", "x.y", ".json", "a..b", "%41", "%61", "%7e", "%40", "%2d", "%2e", "%2E", "%c3%a9", "%C3%A9", "%e4%b8%ad",
        "%f0%9f%98%80", "%20", "a%20b", "/", "/", "/", "/", "/", ".", "..", "...", "//", ";", ";x=1", ";jsessionid=7",
        "%3b", "%3B", "%2f", "%2F", "%5c", "%5C", "\\", "%25", "%252f", "%00", "%0a", "%0D", "%09", "%7f", "%c2%85",
        "%e2%80%a8", "%ef%bb%bf", "%ef%bc%8f", "%e2%80%a5", "%cd%be", "%c2%a0", "%c0%af", "%c0%ae", "%e0%80%af", "%e2%82",
        "%ed%a0%80", "%f4%90%80%80", "%80", "%", "%4", "%zz", "%u002f", "#", "?", "%23", "%3F", "\u00e9", "\uff0f", " ",
        "\"", "{", "|", "^", "`", "[", "<",
    };

    @Test
    void acceptedPathIsUnambiguousAndIsWhatJettyDispatches() {
        Random random = new Random(0x1A46A7E);
        PathFirewall firewall = PathFirewall.strict();
        int accepted = 0;
        for (int run = 0; run < RUNS; run++) {
            String relative = randomPath(random);
            boolean inContext = random.nextInt(4) == 0;
            String raw = inContext ? "/ctx" + relative : relative;
            FirewallResult result = firewall.inspect(raw, inContext ? "/ctx" : "");
            if (!(result instanceof Accepted a)) {
                continue;
            }
            accepted++;
            String path = a.path();
            assertThat(path).as(raw).startsWith("/")
                    .doesNotContain("//", "/./", "/../", ";", "\\", "%", "?", "#")
                    .doesNotEndWith("/.").doesNotEndWith("/..");
            assertThat(path.codePoints().noneMatch(cp -> Character.getType(cp) == Character.CONTROL
                    || Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029))
                    .as("control or invisible character in %s from %s", path, raw).isTrue();

            // Jetty's view of the same raw URI: no violation at all, nothing to canonicalise, and the
            // decoded path it dispatches on equals the firewall's (with the context path in front).
            HttpURI uri = HttpURI.build().path(raw).asImmutable();
            assertThat(uri.getViolations()).as(raw).isEmpty();
            assertThat(uri.getDecodedPath()).as(raw).isEqualTo(inContext ? (path.equals("/") ? "/ctx" : "/ctx" + path) : path);
            String decoded = URIUtil.decodePath(raw);
            assertThat(decoded).as(raw).isEqualTo(inContext ? "/ctx" + (path.equals("/") ? "" : path) : path);
            assertThat(URIUtil.decodePath(URIUtil.canonicalPath(raw))).as(raw).isEqualTo(decoded);
        }
        // Enough accepted paths for the property to mean something, enough rejected for the pieces to matter.
        assertThat(accepted).isBetween(RUNS / 20, RUNS - RUNS / 20);
    }

    /**
     * With the opt-outs that a container resolves rather than keeps, the firewall still lands on the
     * container's path: parameters stripped, dot segments resolved on raw segments, empty segments
     * kept, one decode — whatever Jetty's {@link HttpURI} decodes to.
     */
    @Test
    void withOptOutsTheAcceptedPathStillIsWhatJettyDispatches() {
        Random random = new Random(0x0B7_0075);
        PathFirewall firewall = PathFirewall.strict().allowing(
                PathViolation.DOT_SEGMENT, PathViolation.ENCODED_DOT_SEGMENT, PathViolation.PATH_PARAMETER,
                PathViolation.EMPTY_SEGMENT, PathViolation.ENCODED_SLASH, PathViolation.ENCODED_SEMICOLON,
                PathViolation.ENCODED_PERCENT, PathViolation.ENCODED_BACKSLASH, PathViolation.EDGE_WHITESPACE,
                PathViolation.ENCODED_QUERY_OR_FRAGMENT);
        int accepted = 0;
        int rejectedAboveRoot = 0;
        for (int run = 0; run < RUNS; run++) {
            String raw = randomPath(random);
            FirewallResult result = firewall.inspect(raw, "");
            String jetty;
            try {
                jetty = HttpURI.build().path(raw).asImmutable().getDecodedPath();
            } catch (IllegalArgumentException e) {
                jetty = null; // Jetty rejects it too (bad encoding, '..' above the root)
            }
            if (result instanceof Accepted a) {
                accepted++;
                assertThat(a.path()).as(raw).isEqualTo(jetty);
            } else if (((Rejected) result).detail().contains("above the root")) {
                rejectedAboveRoot++;
                assertThat(jetty).as(raw).isNull();
            }
        }
        assertThat(accepted).isGreaterThan(RUNS / 10);
        assertThat(rejectedAboveRoot).isPositive();
    }

    private static String randomPath(Random random) {
        StringBuilder path = new StringBuilder("/");
        int pieces = 1 + random.nextInt(10);
        for (int k = 0; k < pieces; k++) {
            path.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return path.toString();
    }
}
