package dev.iamgate.servlet.mapping;

import java.util.Map;
import java.util.Objects;

/**
 * A request matched to its route: what kind of route, and for a policy-protected one the IAM
 * action and the resource ARN with path variables and {@code ${account}} filled in.
 *
 * @param kind how the filter treats the route
 * @param action the IAM action, e.g. {@code iam:CreateAccessKey} (empty for public routes)
 * @param resource the resource ARN or {@code *}
 * @param contextKeys extra condition keys the route adds to the request
 * @param pathVariables the values of the route's {@code {name}} path variables
 * @param source where the route was declared (annotation on a class, mapping file and line), for messages
 */
public record RouteMatch(
        RouteKind kind, String action, String resource, Map<String, String> contextKeys,
        Map<String, String> pathVariables, String source) {

    public RouteMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        contextKeys = Map.copyOf(contextKeys);
        pathVariables = Map.copyOf(pathVariables);
        Objects.requireNonNull(source, "source");
    }
}
