package dev.iamgate.servlet.internal.routing;

/**
 * A declaration breaks a rule; which part of it is wrong lets each front end point at the right
 * place (a mapping file's field, an annotation's attribute) before it becomes an {@link
 * dev.iamgate.servlet.mapping.InvalidRouteException}.
 */
final class RouteSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The part of a declaration a problem is in. */
    enum Part {
        METHOD,
        PATH,
        ACTION,
        RESOURCE,
        CONTEXT
    }

    private final Part part;

    RouteSyntaxException(Part part, String message) {
        super(message);
        this.part = part;
    }

    Part part() {
        return part;
    }
}
