package dev.iamgate.servlet.internal.enforce;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.PolicyType;
import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.internal.context.RequestContextFactory;
import dev.iamgate.servlet.internal.log.DecisionLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;

/**
 * What the filter settled for one request that has a caller — who calls and, on a
 * policy-protected route, the decision — and further decisions for that caller, with the same
 * policies and condition keys as the filter's own: what servlets use to show only what the caller
 * may see. The filter stores one per request, in a single request attribute, and builds the
 * request context of a further decision only when a servlet asks for one.
 */
public final class RequestAuthorizer {

    private final HttpServletRequest request;
    /** The method and the inspected path, as the filter's decision log line gave them. */
    private final String method;
    private final String path;
    private final Caller caller;
    private final PolicySet policies; // null: the request has no route, so nothing is allowed
    private final RequestContextFactory contexts;
    private final Decision decision; // null: no policy decision (authenticated-only or unmapped)

    private RequestAuthorizer(HttpServletRequest request, String method, String path, Caller caller,
            PolicySet policies, RequestContextFactory contexts, Decision decision) {
        this.request = request;
        this.method = method;
        this.path = path;
        this.caller = caller;
        this.policies = policies;
        this.contexts = contexts;
        this.decision = decision;
    }

    /** A request the filter decided on: {@code decision} for its route. */
    static RequestAuthorizer decided(HttpServletRequest request, String method, String path, Caller caller,
            PolicySet policies, RequestContextFactory contexts, Decision decision) {
        return new RequestAuthorizer(request, method, path, caller, policies, contexts, decision);
    }

    /** A request on an authenticated-only route: a caller and policies, no decision. */
    static RequestAuthorizer authenticated(HttpServletRequest request, String method, String path, Caller caller,
            PolicySet policies, RequestContextFactory contexts) {
        return new RequestAuthorizer(request, method, path, caller, policies, contexts, null);
    }

    /** A request without a route (passed in report-only mode): a caller who may do nothing. */
    static RequestAuthorizer unmapped(HttpServletRequest request, String method, String path, Caller caller) {
        return new RequestAuthorizer(request, method, path, caller, null, null, null);
    }

    public Caller caller() {
        return caller;
    }

    /** The filter's decision on the request's own route; empty on authenticated-only routes and unmapped requests. */
    public Optional<Decision> decision() {
        return Optional.ofNullable(decision);
    }

    /** Decides {@code action} on {@code resource} for this request's caller. */
    public Decision decide(String action, String resource) {
        if (policies == null) {
            return Decision.implicitDeny(PolicyType.IDENTITY);
        }
        return policies.evaluate(contexts.create(request, caller, action, resource, Map.of(), policies));
    }

    /**
     * Decides as {@link #decide} and writes the decision log's line for it: a check that settles
     * whether the request goes on belongs to the request's audit trail, where a question asked to
     * show or hide items does not.
     */
    public Decision decideAndLog(String action, String resource) {
        long start = DecisionLog.start();
        Decision decision = decide(action, resource);
        DecisionLog.handlerDecision(caller.principal().arn(), method, path, action, resource, decision, start);
        return decision;
    }
}
