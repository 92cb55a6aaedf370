package dev.iamgate.servlet.internal.routing;

import dev.iamgate.servlet.mapping.RouteDeclaration;
import java.util.List;
import java.util.Map;

/** Short ways to declare routes in tests. */
final class Routes {

    static final String ACCOUNT = "123456789012";
    static final String USER_ARN = "arn:aws:iam::${account}:user/{user}";

    private Routes() {}

    static RouteDeclaration action(String method, String path, String action, String resource) {
        return RouteDeclaration.policyProtected(List.of(method), path, action, resource, Map.of(), method + " " + path);
    }

    static RouteDeclaration action(String method, String path, String action, String resource, Map<String, String> context) {
        return RouteDeclaration.policyProtected(List.of(method), path, action, resource, context, method + " " + path);
    }

    static RouteDeclaration publicRoute(String method, String path) {
        return RouteDeclaration.publicRoute(List.of(method), path, "public " + method + " " + path);
    }

    static RouteDeclaration authenticated(String method, String path) {
        return RouteDeclaration.authenticatedOnly(List.of(method), path, "authenticated " + method + " " + path);
    }

    static RouteTable table(RouteDeclaration... declarations) {
        return RouteTable.builder(ACCOUNT).addAll(List.of(declarations)).build();
    }
}
