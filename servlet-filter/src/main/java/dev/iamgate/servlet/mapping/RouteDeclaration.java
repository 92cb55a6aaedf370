package dev.iamgate.servlet.mapping;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One declared route, as an annotation, a mapping-file entry or the configuration states it:
 * templates and all, not yet checked. Checking happens when a route table is built, which rejects
 * a declaration that breaks a rule with an {@link InvalidRouteException} naming its {@link
 * #source()}.
 *
 * @param kind how the filter treats matching requests
 * @param methods the HTTP methods, case-sensitive, in declaration order; empty means every
 *     method, which only the configuration's list of public paths uses
 * @param path the path template, e.g. {@code /api/users/{user}/access-keys}
 * @param action the IAM action of a policy-protected route; empty for the other kinds
 * @param resource the resource template of a policy-protected route; empty for the other kinds
 * @param context condition-key templates of a policy-protected route, in declaration order
 * @param source where the route was declared, for messages, e.g. {@code routes.json:12:5} or
 *     {@code @IamAction("iam:GetUser") on com.example.UserServlet.doGet}
 */
public record RouteDeclaration(
        RouteKind kind,
        Set<String> methods,
        String path,
        String action,
        String resource,
        Map<String, String> context,
        String source) {

    public RouteDeclaration {
        Objects.requireNonNull(kind, "kind");
        methods = Collections.unmodifiableSet(new LinkedHashSet<>(methods));
        methods.forEach(method -> Objects.requireNonNull(method, "method"));
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        context.forEach((key, value) -> {
            Objects.requireNonNull(key, "context key");
            Objects.requireNonNull(value, "context value");
        });
        Objects.requireNonNull(source, "source");
    }

    /** A policy-protected route. */
    public static RouteDeclaration policyProtected(
            Collection<String> methods, String path, String action, String resource,
            Map<String, String> context, String source) {
        return new RouteDeclaration(
                RouteKind.POLICY_PROTECTED, new LinkedHashSet<>(methods), path, action, resource, context, source);
    }

    /** A public route for the given methods. */
    public static RouteDeclaration publicRoute(Collection<String> methods, String path, String source) {
        return new RouteDeclaration(RouteKind.PUBLIC, new LinkedHashSet<>(methods), path, "", "", Map.of(), source);
    }

    /** An authenticated-only route for the given methods. */
    public static RouteDeclaration authenticatedOnly(Collection<String> methods, String path, String source) {
        return new RouteDeclaration(
                RouteKind.AUTHENTICATED_ONLY, new LinkedHashSet<>(methods), path, "", "", Map.of(), source);
    }

    /** The methods and path as a request line would show them, e.g. {@code GET,HEAD /assets/**}. */
    public String describe() {
        return (methods.isEmpty() ? "every method" : String.join(",", methods)) + " " + path;
    }
}
