package dev.iamgate.servlet.internal.enforce;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.eval.RequestContext.ActionName;
import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.Denial;
import dev.iamgate.servlet.Mode;
import dev.iamgate.servlet.internal.cache.PolicySetCache;
import dev.iamgate.servlet.internal.context.RequestContextFactory;
import dev.iamgate.servlet.internal.firewall.FirewallResult;
import dev.iamgate.servlet.internal.firewall.PathFirewall;
import dev.iamgate.servlet.internal.log.DecisionLog;
import dev.iamgate.servlet.internal.response.Denials;
import dev.iamgate.servlet.internal.routing.CompiledRoute;
import dev.iamgate.servlet.internal.routing.RouteTable;
import dev.iamgate.servlet.mapping.RouteKind;
import dev.iamgate.servlet.spi.DenyResponder;
import dev.iamgate.servlet.spi.PrincipalResolver;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What the filter does with one request, in order: firewall (400), route (unmapped: denied),
 * caller (401), policy decision (403), then the servlet. Every decision gets one decision-log line:
 * one per request, two for a HEAD request whose path has a GET route of its own.
 * Immutable and thread-safe; built once when the filter starts.
 *
 * <p>In {@link Mode#REPORT_ONLY} the would-be refusals of routing, authentication and policy are
 * logged and the request proceeds; the firewall's refusals are always enforced, because a path
 * the container would read differently is never safe to pass on.
 */
public final class Enforcer {

    /**
     * Request attribute holding the {@link RequestAuthorizer} of a request with a caller: the
     * caller, the decision and further decisions, in one attribute because each costs a map update
     * in the container.
     */
    public static final String AUTHORIZER_ATTRIBUTE = "dev.iamgate.authorizer";

    private static final String GET = "GET";
    private static final String HEAD = "HEAD";

    private final PathFirewall firewall;
    private final RouteTable routes;
    private final List<PrincipalResolver> resolvers;
    private final PolicySetCache policies;
    private final RequestContextFactory contexts;
    private final DenyResponder responder;
    private final boolean enforcing;

    public Enforcer(PathFirewall firewall, RouteTable routes, List<PrincipalResolver> resolvers, PolicySetCache policies,
            RequestContextFactory contexts, DenyResponder responder, Mode mode) {
        this.firewall = firewall;
        this.routes = routes;
        this.resolvers = List.copyOf(resolvers);
        this.policies = policies;
        this.contexts = contexts;
        this.responder = responder;
        this.enforcing = mode == Mode.ENFORCE;
    }

    public void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = DecisionLog.start();
        String method = request.getMethod();
        FirewallResult inspected = firewall.inspect(dispatchedUri(request), request.getContextPath());
        if (inspected instanceof FirewallResult.Rejected rejected) {
            DecisionLog.outcome("RejectedPath", "", method, rejected.detail(), rejected.violation().name(), start);
            respond(request, response, Denials.rejectedPath(rejected.violation().description()));
            return;
        }
        String path = ((FirewallResult.Accepted) inspected).path();
        CompiledRoute route = routes.route(method, path);
        if (HEAD.equals(method)) {
            // HttpServlet answers HEAD by running doGet: HEAD needs what GET needs on the path too
            CompiledRoute get = routes.route(GET, path);
            if (get != null && get != route && !passes(request, response, method, path, get, start)) {
                return;
            }
        }
        if (passes(request, response, method, path, route, start)) {
            chain.doFilter(request, response);
        }
    }

    /**
     * Decides the request on {@code route} (null: unmapped) and logs the decision. True when the
     * request may go on: allowed, or refused in report-only mode; when it is refused, the refusal
     * has been answered.
     */
    private boolean passes(HttpServletRequest request, HttpServletResponse response, String method, String path,
            CompiledRoute route, long start) throws IOException, ServletException {
        if (route != null && route.kind() == RouteKind.PUBLIC) {
            DecisionLog.outcome("Public", "", method, path, route.source(), start);
            return true;
        }
        Caller caller = resolve(request);
        if (caller == null) {
            DecisionLog.outcome("NotAuthenticated", "", method, path, route != null ? route.source() : "unmapped", start);
            return refuse(request, response, Denials.notAuthenticated());
        }
        String principal = caller.principal().arn();
        if (route == null) {
            request.setAttribute(AUTHORIZER_ATTRIBUTE, RequestAuthorizer.unmapped(request, method, path, caller));
            DecisionLog.outcome("Unmapped", principal, method, path, "no route maps this request", start);
            return refuse(request, response, Denials.unmapped(principal, method, path));
        }
        PolicySet set = policies.policySet(caller.principal());
        if (route.kind() == RouteKind.AUTHENTICATED_ONLY) {
            request.setAttribute(AUTHORIZER_ATTRIBUTE, RequestAuthorizer.authenticated(request, method, path, caller, set, contexts));
            DecisionLog.outcome("Authenticated", principal, method, path, route.source(), start);
            return true;
        }
        ActionName action = route.actionName();
        String resource = route.resource(path);
        RequestContext context = contexts.create(request, caller, action, resource, route.contextKeys(path), set);
        Decision decision = set.evaluate(context);
        request.setAttribute(AUTHORIZER_ATTRIBUTE, RequestAuthorizer.decided(request, method, path, caller, set, contexts, decision));
        DecisionLog.decision(principal, method, path, action.name(), resource, decision, start, enforcing);
        return decision.isAllowed() || refuse(request, response, Denials.accessDenied(principal, action.name(), resource, decision));
    }

    /**
     * The URI of what this dispatch runs. A forward or an asynchronous dispatch sets the request's
     * path to its target; an include keeps the including request's and names the included
     * resource in an attribute. An include without one (of a dispatcher found by servlet name)
     * has no path to decide on and reads as an empty URI, which the firewall refuses.
     */
    private static String dispatchedUri(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.INCLUDE) {
            return request.getRequestURI();
        }
        return request.getAttribute(RequestDispatcher.INCLUDE_REQUEST_URI) instanceof String included ? included : "";
    }

    private Caller resolve(HttpServletRequest request) {
        for (int i = 0; i < resolvers.size(); i++) {
            Optional<Caller> caller = resolvers.get(i).resolve(request);
            if (caller.isPresent()) {
                return caller.get();
            }
        }
        return null;
    }

    /** Answers the refusal when enforcing (false: stop here); in report-only mode only goes on (true). */
    private boolean refuse(HttpServletRequest request, HttpServletResponse response, Denial denial)
            throws IOException, ServletException {
        if (enforcing) {
            respond(request, response, denial);
        }
        return !enforcing;
    }

    /**
     * Answers a refusal. The filter never reads a request's body, and a container closes a
     * connection whose request body is left unread (it cannot find where the next request starts);
     * saying so with {@code Connection: close} keeps a keep-alive client from sending its next request
     * on a connection that is about to be closed under it.
     */
    private void respond(HttpServletRequest request, HttpServletResponse response, Denial denial)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.INCLUDE) {
            // An included resource cannot set the status, and a denial written into the including
            // page would read as part of it: the include fails, and the page with it.
            throw new ServletException("iamgate refuses to include " + dispatchedUri(request) + ": "
                    + denial.status() + " " + denial.code() + ": " + denial.message());
        }
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close");
        }
        responder.respond(request, response, denial);
    }
}
