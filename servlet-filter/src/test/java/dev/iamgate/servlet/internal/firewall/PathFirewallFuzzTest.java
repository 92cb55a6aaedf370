package dev.iamgate.servlet.internal.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamgate.servlet.internal.firewall.FirewallResult.Accepted;
import dev.iamgate.testing.CallBudget;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.pathmap.MatchedResource;
import org.eclipse.jetty.http.pathmap.PathMappings;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;

/**
 * Fuzzes {@link PathFirewall} with arbitrary request URIs and holds every path it accepts to the
 * container's reading of the same URI, computed with Jetty 12's own classes: {@link HttpURI} parses
 * and decodes it as the server does, and {@link PathMappings} of {@link ServletPathSpec}s picks the
 * servlet as the servlet context does (the example app's {@code /api/*} and {@code /}, plus an
 * exact, a prefix and an extension mapping).
 *
 * <p>Input, as readable text: one flag character ({@code '0'} + bits: bit 0, the firewall that
 * allows the violations a container resolves; bit 1, the application under context path
 * {@code /ctx}), then the raw request URI (UTF-8).
 *
 * <p>Properties: inspecting takes under 100 ms and never throws; an accepted path starts with
 * {@code /}; Jetty decodes the same URI without complaint to exactly that path (the strict firewall:
 * without any URI violation either); and so the servlet the container dispatches to is the one
 * mapped for the path the filter routes on.
 */
class PathFirewallFuzzTest {

    private static final PathFirewall STRICT = PathFirewall.strict();
    private static final PathFirewall RESOLVING = PathFirewall.strict().allowing(
            PathViolation.DOT_SEGMENT, PathViolation.ENCODED_DOT_SEGMENT, PathViolation.PATH_PARAMETER,
            PathViolation.EMPTY_SEGMENT, PathViolation.ENCODED_SLASH, PathViolation.ENCODED_SEMICOLON,
            PathViolation.ENCODED_PERCENT, PathViolation.ENCODED_BACKSLASH, PathViolation.EDGE_WHITESPACE,
            PathViolation.ENCODED_QUERY_OR_FRAGMENT);
    private static final String CONTEXT = "/ctx";

    private static final PathMappings<String> SERVLETS = new PathMappings<>();

    static {
        SERVLETS.put(new ServletPathSpec("/api/*"), "api");
        SERVLETS.put(new ServletPathSpec("/api/login"), "login");
        SERVLETS.put(new ServletPathSpec("/assets/*"), "files");
        SERVLETS.put(new ServletPathSpec("*.json"), "json");
        SERVLETS.put(new ServletPathSpec("/"), "default");
    }

    @FuzzTest
    void anAcceptedPathIsTheOneTheContainerDispatches(byte[] bytes) {
        int flags = bytes.length == 0 ? 0 : bytes[0] - '0';
        String relative = bytes.length == 0 ? "" : new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
        boolean inContext = (flags & 2) != 0;
        PathFirewall firewall = (flags & 1) != 0 ? RESOLVING : STRICT;
        String raw = inContext ? CONTEXT + relative : relative;
        String contextPath = inContext ? CONTEXT : "";

        FirewallResult result = CallBudget.within("inspecting " + raw, () -> firewall.inspect(raw, contextPath));
        if (!(result instanceof Accepted accepted)) {
            return;
        }
        String path = accepted.path();
        assertThat(path).as(raw).startsWith("/");

        HttpURI uri;
        String decoded;
        try {
            uri = HttpURI.build().path(raw).asImmutable();
            decoded = uri.getDecodedPath();
        } catch (IllegalArgumentException e) {
            throw new AssertionError("the firewall accepted " + raw + " as " + path + ", which Jetty rejects: " + e, e);
        }
        if (firewall == STRICT) {
            assertThat(uri.getViolations()).as("Jetty's violations for %s", raw).isEmpty();
        }
        String inContextPath = inContext ? withoutContext(decoded) : decoded;
        assertThat(inContextPath).as("Jetty's path in context for %s", raw).isEqualTo(path);
        assertThat(servlet(inContextPath)).as("servlet for %s", raw).isEqualTo(servlet(path));
    }

    /** The path below the context, as the servlet context computes it; null if outside. */
    private static String withoutContext(String decoded) {
        if (decoded.equals(CONTEXT)) {
            return "/";
        }
        return decoded.startsWith(CONTEXT + "/") ? decoded.substring(CONTEXT.length()) : null;
    }

    private static String servlet(String pathInContext) {
        if (pathInContext == null) {
            return "(outside the context)";
        }
        MatchedResource<String> matched = SERVLETS.getMatched(pathInContext);
        return matched == null ? "(none)" : matched.getResource();
    }
}
