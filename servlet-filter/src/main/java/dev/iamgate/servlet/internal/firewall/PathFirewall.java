package dev.iamgate.servlet.internal.firewall;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, before any mapping, on the path the container dispatches — or rejects the request.
 *
 * <p>A security filter that maps {@code getRequestURI()} one way while the container dispatches
 * another is the root of a long line of authorization bypasses (Shiro's {@code ..;}, Spring's
 * {@code %0a} and {@code //}, Keycloak's and Quarkus's encoded dots). This firewall therefore does
 * not try to clean such paths up: anything whose decoded form a container, a filter or a framework
 * could read as a different path is rejected with a named {@link PathViolation}, and what is
 * accepted is the one reading everyone agrees on — percent-decoded once, without the context path,
 * byte for byte what Jetty and Tomcat hand to the servlet as servlet path plus path info. So
 * {@code /api/users/./alice} is rejected, not turned into {@code /api/users/alice}.
 *
 * <p>Strict by default: {@link #strict()} rejects every violation. An application that needs one
 * of them opts out explicitly, by name, as with Jetty's {@code UriCompliance}:
 * <pre>{@code
 * PathFirewall firewall = PathFirewall.strict().allowing(PathViolation.EMPTY_SEGMENT);
 * }</pre>
 * and the firewall then does what the container does with it (keep an empty segment, strip a
 * {@code ;jsessionid}, resolve a {@code ..}), so the accepted path still is the dispatched one.
 *
 * <p><b>Case and trailing dots are kept as they are.</b> Servlet mapping is case-sensitive in Jetty
 * and Tomcat, and so is the filter's route matching, so {@code /API/users/bob/access-keys} maps to
 * no protected servlet and no route, and the filter denies unmapped requests; a path variable like
 * the user in {@code /api/users/ALICE/...} becomes a different resource ARN, which a policy on
 * {@code ${aws:username}} does not match. Likewise {@code access-keys.} and {@code access-keys.json}
 * are other routes, not aliases. Folding case, trimming dots or normalising Unicode here would
 * instead create aliases the router does not know about. Only where a transformation turns a name
 * into path syntax ({@link PathViolation#DELIMITER_LOOKALIKE}, dots-only segments) or removes it
 * ({@link PathViolation#EDGE_WHITESPACE}) does the firewall reject.
 *
 * <p>A fragment never reaches the firewall: containers parse it off the request-target, and
 * Servlet 6 requires them to answer 400 (Jetty 12 does unless its {@code UriCompliance} allows
 * {@code FRAGMENT}).
 *
 * <p>Immutable and thread-safe. {@link #inspect} is linear in the URI length, uses no regular
 * expressions and, for a URI that needs no decoding, allocates nothing but its result.
 */
public final class PathFirewall {

    private static final PathFirewall STRICT = new PathFirewall(0L);

    static {
        // Allowed violations are one bit each in a long.
        assert PathViolation.values().length <= Long.SIZE;
    }

    private final long allowed;

    private PathFirewall(long allowed) {
        this.allowed = allowed;
    }

    /** The firewall that rejects every {@link PathViolation}. */
    public static PathFirewall strict() {
        return STRICT;
    }

    /**
     * This firewall, also letting the given violations through; each violation's description says
     * what is then done with it.
     *
     * @throws IllegalArgumentException if a violation is not {@linkplain PathViolation#allowable()
     *     allowable}
     */
    public PathFirewall allowing(PathViolation... violations) {
        long bits = allowed;
        for (PathViolation violation : violations) {
            Objects.requireNonNull(violation, "violation");
            if (!violation.allowable()) {
                throw new IllegalArgumentException(violation + " cannot be allowed: it leaves no path to dispatch");
            }
            bits |= violation.bit();
        }
        return bits == allowed ? this : new PathFirewall(bits);
    }

    /** Whether this firewall lets {@code violation} through. */
    public boolean allows(PathViolation violation) {
        return (allowed & violation.bit()) != 0;
    }

    /** The violations this firewall lets through; empty for {@link #strict()}. */
    public Set<PathViolation> allowed() {
        Set<PathViolation> set = EnumSet.noneOf(PathViolation.class);
        for (PathViolation violation : PathViolation.values()) {
            if (allows(violation)) {
                set.add(violation);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /**
     * Checks a request path and, if it passes, returns the path the container dispatches.
     *
     * @param rawRequestUri {@code HttpServletRequest.getRequestURI()}: the path, still
     *     percent-encoded, without query
     * @param contextPath {@code HttpServletRequest.getContextPath()}: {@code ""} for the root context;
     *     percent-encoded (as Tomcat reports it) or not (as Jetty does)
     * @return {@link FirewallResult.Accepted} with the decoded path below the context path, or
     *     {@link FirewallResult.Rejected} with the first violation found
     */
    public FirewallResult inspect(String rawRequestUri, String contextPath) {
        Objects.requireNonNull(rawRequestUri, "rawRequestUri");
        Objects.requireNonNull(contextPath, "contextPath");
        String context = contextPath;
        if (context.equals("/")) {
            context = "";
        } else if (context.indexOf('%') >= 0) {
            // The context path is the container's configuration, but some containers report it as
            // it was encoded in this request; compare decoded with decoded.
            FirewallResult decoded = PathScanner.scan(context, "", 0L);
            if (!(decoded instanceof FirewallResult.Accepted accepted)) {
                return new FirewallResult.Rejected(PathViolation.OUTSIDE_CONTEXT, "context path is not a clean path");
            }
            context = accepted.path();
        }
        return PathScanner.scan(rawRequestUri, context, allowed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathFirewall firewall && firewall.allowed == allowed;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(allowed);
    }

    @Override
    public String toString() {
        return allowed == 0 ? "PathFirewall[strict]" : "PathFirewall[strict, allowing " + allowed() + "]";
    }
}
