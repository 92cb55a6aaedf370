package dev.iamgate.servlet.internal.enforce;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.internal.context.RequestContextFactory;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * Decides further actions for the caller of one request, with the same policies and condition
 * keys as the filter's own decision: what servlets use to show only what the caller may see.
 */
public final class RequestAuthorizer {

    private final HttpServletRequest request;
    private final Caller caller;
    private final PolicySet policies;
    private final RequestContextFactory contexts;

    RequestAuthorizer(HttpServletRequest request, Caller caller, PolicySet policies, RequestContextFactory contexts) {
        this.request = request;
        this.caller = caller;
        this.policies = policies;
        this.contexts = contexts;
    }

    public Caller caller() {
        return caller;
    }

    /** Decides {@code action} on {@code resource} for this request's caller. */
    public Decision decide(String action, String resource) {
        return policies.evaluate(contexts.create(request, caller, action, resource, Map.of()));
    }
}
