package dev.iamgate.servlet;

import dev.iamgate.eval.Decision;
import dev.iamgate.servlet.internal.enforce.Enforcer;
import dev.iamgate.servlet.internal.enforce.RequestAuthorizer;
import dev.iamgate.servlet.internal.response.Denials;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What servlets behind the filter can ask: who the caller is, what the filter decided, and
 * whether the caller may do something else, with the same policies and condition keys — for
 * example to list only the items the caller may read.
 */
public final class IamGate {

    private IamGate() {}

    /** The caller of a request that passed the filter with one (empty on public routes without a caller). */
    public static Optional<Caller> caller(HttpServletRequest request) {
        // read directly rather than through authorizer(): servlets ask this on most requests
        return request.getAttribute(Enforcer.AUTHORIZER_ATTRIBUTE) instanceof RequestAuthorizer authorizer
                ? Optional.of(authorizer.caller()) : Optional.empty();
    }

    /** The filter's policy decision for this request (empty on public and authenticated-only routes). */
    public static Optional<Decision> decision(HttpServletRequest request) {
        return authorizer(request).flatMap(RequestAuthorizer::decision);
    }

    /**
     * Decides {@code action} on {@code resource} for this request's caller. Outside a request
     * that passed the filter with a caller, the answer is an implicit deny: nothing is allowed
     * that the filter has not seen.
     */
    public static Decision check(HttpServletRequest request, String action, String resource) {
        Optional<RequestAuthorizer> authorizer = authorizer(request);
        return authorizer.isPresent()
                ? authorizer.get().decide(action, resource)
                : Decision.implicitDeny(dev.iamgate.eval.PolicyType.IDENTITY);
    }

    /** Whether the caller may do {@code action} on {@code resource}. */
    public static boolean isAllowed(HttpServletRequest request, String action, String resource) {
        return check(request, action, resource).isAllowed();
    }

    /**
     * The refusal of {@code action} on {@code resource}, worded as the filter words its own, or
     * empty when the caller may do it. For a handler that learns the resource only from the
     * request body: a route mapped to {@code *} cannot match a Deny written for some resources,
     * so the handler checks the named one too (CreateUser names its user in the body). The check
     * writes its own decision log line, marked {@code check=handler}.
     */
    public static Optional<Denial> refusal(HttpServletRequest request, String action, String resource) {
        Optional<RequestAuthorizer> authorizer = authorizer(request);
        if (authorizer.isEmpty()) {
            return Optional.of(Denials.notAuthenticated());
        }
        Decision decision = authorizer.get().decideAndLog(action, resource);
        return decision.isAllowed() ? Optional.empty()
                : Optional.of(Denials.accessDenied(authorizer.get().caller().principal().arn(), action, resource, decision));
    }

    /** The items on whose resource the caller may do {@code action}, in their order. */
    public static <T> List<T> permitted(HttpServletRequest request, Collection<T> items, String action,
            Function<? super T, String> resourceOf) {
        Optional<RequestAuthorizer> authorizer = authorizer(request);
        if (authorizer.isEmpty()) {
            return List.of();
        }
        return items.stream().filter(item -> authorizer.get().decide(action, resourceOf.apply(item)).isAllowed()).toList();
    }

    private static Optional<RequestAuthorizer> authorizer(HttpServletRequest request) {
        return request.getAttribute(Enforcer.AUTHORIZER_ATTRIBUTE) instanceof RequestAuthorizer authorizer
                ? Optional.of(authorizer) : Optional.empty();
    }
}
