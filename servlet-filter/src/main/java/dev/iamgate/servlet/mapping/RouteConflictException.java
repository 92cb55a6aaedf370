package dev.iamgate.servlet.mapping;

import java.util.Objects;

/**
 * Two declarations claim the same requests: the same HTTP method and the same path shape, that is
 * the same literal segments with variables and catch-alls in the same places (variable names do
 * not make paths different, so {@code /api/users/{user}} and {@code /api/users/{name}} conflict).
 * Which one should win would be a guess, so start-up stops instead.
 */
public final class RouteConflictException extends RouteMappingException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final transient RouteDeclaration first;
    private final transient RouteDeclaration second;

    /**
     * @param method the HTTP method both declarations claim, or {@code every method}
     * @param first the declaration seen first
     * @param second the declaration that conflicts with it
     */
    public RouteConflictException(String method, RouteDeclaration first, RouteDeclaration second) {
        super("routes conflict: " + method + " " + second.path() + " is declared by "
                + first.source() + " (" + first.describe() + ") and by "
                + second.source() + " (" + second.describe() + "); a request must match exactly one route,"
                + " so declare each method and path once");
        this.method = Objects.requireNonNull(method, "method");
        this.first = first;
        this.second = second;
    }

    /** The HTTP method both declarations claim. */
    public String method() {
        return method;
    }

    /** The declaration seen first. */
    public RouteDeclaration first() {
        return first;
    }

    /** The declaration that conflicts with {@link #first()}. */
    public RouteDeclaration second() {
        return second;
    }
}
