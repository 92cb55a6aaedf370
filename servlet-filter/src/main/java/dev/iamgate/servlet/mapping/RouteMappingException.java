package dev.iamgate.servlet.mapping;

/**
 * The routes cannot be mapped as declared; thrown at start-up, never per request, so that an
 * application with a broken mapping does not start rather than run with a guessed one.
 */
public abstract sealed class RouteMappingException extends RuntimeException
        permits InvalidRouteException, RouteConflictException {

    private static final long serialVersionUID = 1L;

    RouteMappingException(String message) {
        super(message);
    }

    RouteMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
