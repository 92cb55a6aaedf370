package dev.iamgate.servlet.internal.log;

import dev.iamgate.eval.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per request on the {@code dev.iamgate.decision} logger: who, what, on
 * what, the outcome, the deciding statement and how long deciding took. Values come from the
 * request, so they are quoted and control characters escaped (no forged log lines). Credentials
 * are never part of a line: the principal is logged by ARN only.
 */
public final class DecisionLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.iamgate.decision");

    /** What {@link #start()} gives when no line will be written: the request is not timed. */
    static final long NOT_TIMED = Long.MIN_VALUE;

    private DecisionLog() {}

    /**
     * The start of a request's timing, for the {@code micros} of its line: reads the clock only when
     * lines are written, as the filter starts every request with it.
     */
    public static long start() {
        return LOG.isInfoEnabled() ? System.nanoTime() : NOT_TIMED;
    }

    /** Nanoseconds since {@code start}; 0 when the request was not timed (the log was off when it began). */
    static long since(long start) {
        return start == NOT_TIMED ? 0 : System.nanoTime() - start;
    }

    /**
     * Logs a policy decision. {@code enforced} is false in report-only mode.
     *
     * @param start what {@link #start()} gave when the request came in
     */
    public static void decision(String principal, String method, String path, String action, String resource,
            Decision decision, long start, boolean enforced) {
        if (LOG.isInfoEnabled()) {
            LOG.info(decisionLine(principal, method, path, action, resource, decision, since(start), enforced, false));
        }
    }

    /**
     * Logs a decision a servlet asked for to settle the request itself ({@code check=handler}), as
     * when it learns the resource from the body: the filter's own line said what the route allowed,
     * this one says what the handler refused or let through.
     *
     * @param start what {@link #start()} gave when the check began
     */
    public static void handlerDecision(String principal, String method, String path, String action, String resource,
            Decision decision, long start) {
        if (LOG.isInfoEnabled()) {
            LOG.info(decisionLine(principal, method, path, action, resource, decision, since(start), true, true));
        }
    }

    static String decisionLine(String principal, String method, String path, String action, String resource,
            Decision decision, long nanos, boolean enforced, boolean byHandler) {
        StringBuilder line = new StringBuilder(200);
        line.append("decision=").append(decision.outcome().wireName());
        if (!enforced && !decision.isAllowed()) {
            line.append(" enforced=false");
        }
        if (byHandler) {
            line.append(" check=handler");
        }
        field(line, "principal", principal);
        field(line, "method", method);
        field(line, "path", path);
        field(line, "action", action);
        field(line, "resource", resource);
        line.append(" policyType=").append(decision.decidingType().name());
        decision.decidingStatement().ifPresent(ref -> {
            field(line, "policy", ref.policyName());
            field(line, "sid", ref.displayName());
        });
        line.append(" micros=").append(nanos / 1_000);
        return line.toString();
    }

    /**
     * Logs a request refused or passed before any policy decision (firewall, public route, authentication, routing).
     *
     * @param start what {@link #start()} gave when the request came in
     */
    public static void outcome(String outcome, String principal, String method, String path, String detail, long start) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long nanos = since(start);
        StringBuilder line = new StringBuilder(160);
        line.append("decision=").append(outcome);
        field(line, "principal", principal);
        field(line, "method", method);
        field(line, "path", path);
        field(line, "detail", detail);
        line.append(" micros=").append(nanos / 1_000);
        LOG.info(line.toString());
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                line.append("\\x").append(Character.forDigit((c >> 4) & 0xf, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                line.append(c);
            }
        }
        line.append('"');
    }
}
