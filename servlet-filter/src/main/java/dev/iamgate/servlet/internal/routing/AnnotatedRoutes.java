package dev.iamgate.servlet.internal.routing;

import dev.iamgate.servlet.mapping.AuthenticatedOnly;
import dev.iamgate.servlet.mapping.IamAction;
import dev.iamgate.servlet.mapping.IamRoutes;
import dev.iamgate.servlet.mapping.InvalidRouteException;
import dev.iamgate.servlet.mapping.PublicRoute;
import dev.iamgate.servlet.mapping.RouteDeclaration;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads route declarations from the annotations of classes: {@link IamAction}, {@link
 * PublicRoute} and {@link AuthenticatedOnly} on the class and on its declared methods, with the
 * prefix of {@link IamRoutes}. Runs at start-up only.
 *
 * <p>The HTTP method of a method-level annotation comes from the Java method's name ({@code
 * doGet} → {@code GET}, …, {@code doPatch} → {@code PATCH}); the annotation may repeat it but not
 * contradict it, and must name it on the class and on any other method (such as {@code service}).
 * Declarations come out in a stable order (classes by name, then class-level annotations, then
 * methods by name) so that messages about the same code are the same on every start.
 */
public final class AnnotatedRoutes {

    private static final Map<String, String> IMPLIED_METHODS = Map.of(
            "doGet", "GET", "doPost", "POST", "doPut", "PUT", "doDelete", "DELETE",
            "doPatch", "PATCH", "doHead", "HEAD", "doOptions", "OPTIONS", "doTrace", "TRACE");

    private static final Comparator<Method> METHOD_ORDER =
            Comparator.comparing(Method::getName).thenComparing(Method::toGenericString);

    private AnnotatedRoutes() {}

    /**
     * The routes the classes declare.
     *
     * @throws InvalidRouteException when an annotation is incomplete or contradicts its method
     */
    public static List<RouteDeclaration> read(Collection<? extends Class<?>> classes) {
        List<Class<?>> sorted = new ArrayList<>(new LinkedHashSet<>(classes));
        sorted.sort(Comparator.comparing(Class::getName));
        List<RouteDeclaration> routes = new ArrayList<>();
        for (Class<?> type : sorted) {
            routes.addAll(read(type));
        }
        return routes;
    }

    /** The routes one class declares. */
    public static List<RouteDeclaration> read(Class<?> type) {
        IamRoutes marker = type.getAnnotation(IamRoutes.class);
        String prefix = marker == null ? "" : marker.path();
        List<RouteDeclaration> routes = new ArrayList<>();
        readElement(type, type.getName(), null, prefix, routes);
        Method[] methods = type.getDeclaredMethods();
        Arrays.sort(methods, METHOD_ORDER);
        for (Method method : methods) {
            if (!method.isSynthetic() && !method.isBridge()) {
                readElement(method, type.getName() + "." + method.getName(), method.getName(), prefix, routes);
            }
        }
        if (marker != null && routes.isEmpty()) {
            throw new InvalidRouteException("@IamRoutes on " + type.getName(), "the class declares no route: no"
                    + " @IamAction, @PublicRoute or @AuthenticatedOnly on it or its methods");
        }
        return routes;
    }

    /** @param javaMethod the Java method's name, or null for the class */
    private static void readElement(
            AnnotatedElement element, String where, String javaMethod, String prefix, List<RouteDeclaration> routes) {
        for (IamAction action : element.getAnnotationsByType(IamAction.class)) {
            String source = "@IamAction(\"" + action.value() + "\") on " + where;
            Set<String> methods = methods(source, javaMethod, action.method().isEmpty()
                    ? new String[0] : new String[] {action.method()}, "method");
            routes.add(RouteDeclaration.policyProtected(methods, path(source, prefix, action.path()),
                    action.value(), action.resource(), context(source, action.context()), source));
        }
        for (PublicRoute route : element.getAnnotationsByType(PublicRoute.class)) {
            String source = "@PublicRoute on " + where;
            routes.add(RouteDeclaration.publicRoute(
                    methods(source, javaMethod, route.methods(), "methods"), path(source, prefix, route.path()), source));
        }
        for (AuthenticatedOnly route : element.getAnnotationsByType(AuthenticatedOnly.class)) {
            String source = "@AuthenticatedOnly on " + where;
            routes.add(RouteDeclaration.authenticatedOnly(
                    methods(source, javaMethod, route.methods(), "methods"), path(source, prefix, route.path()), source));
        }
    }

    private static Set<String> methods(String source, String javaMethod, String[] declared, String attribute) {
        String implied = javaMethod == null ? null : IMPLIED_METHODS.get(javaMethod);
        if (declared.length == 0) {
            if (implied == null) {
                String on = javaMethod == null ? "on a class" : "on " + javaMethod + "()";
                throw new InvalidRouteException(source, "name the HTTP method with " + attribute + " = …; only"
                        + " doGet, doPost, doPut, doDelete, doPatch, doHead, doOptions and doTrace imply one, not a"
                        + " declaration " + on);
            }
            return Set.of(implied);
        }
        Set<String> methods = new LinkedHashSet<>(Arrays.asList(declared));
        if (implied != null && !methods.equals(Set.of(implied))) {
            throw new InvalidRouteException(source, javaMethod + "() handles " + implied + ", but the annotation says "
                    + String.join(",", declared) + "; declare other methods on the class or on the method that"
                    + " handles them");
        }
        return methods;
    }

    private static String path(String source, String prefix, String path) {
        if (!prefix.isEmpty() && !path.isEmpty() && path.charAt(0) != '/') {
            throw new InvalidRouteException(source, "path \"" + path + "\" must start with \"/\"; it is appended to"
                    + " the class's prefix \"" + prefix + "\" as written");
        }
        if (prefix.isEmpty() && path.isEmpty()) {
            throw new InvalidRouteException(source, "no path: set path here, or a prefix with @IamRoutes(path = …)"
                    + " on the class");
        }
        return prefix + path;
    }

    /** {@code key=template} entries, split at the first {@code =}. */
    private static Map<String, String> context(String source, String[] entries) {
        Map<String, String> context = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new InvalidRouteException(source, "context entry \"" + entry + "\" is not key=value,"
                        + " e.g. iam:TargetUser={user}");
            }
            String key = entry.substring(0, equals);
            if (context.put(key, entry.substring(equals + 1)) != null) {
                throw new InvalidRouteException(source, "context key \"" + key + "\" is given twice");
            }
        }
        return context;
    }
}
