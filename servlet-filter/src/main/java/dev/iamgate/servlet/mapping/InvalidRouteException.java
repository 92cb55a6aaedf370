package dev.iamgate.servlet.mapping;

import java.util.Objects;

/**
 * A route declaration or mapping file breaks a rule. The message starts with where, like a
 * compiler diagnostic:
 *
 * <pre>
 * routes.json:7:19: unknown field "acton"; a route has: method, methods, path, kind, action, resource, context
 * &#64;IamAction("iam:GetUser") on com.example.UserServlet.doGet: resource "arn:aws:iam::${account}:user/{usr}" names {usr}, which is not a variable of /api/users/{user}
 * </pre>
 */
public final class InvalidRouteException extends RouteMappingException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    /**
     * @param source where: {@code file:line:column}, or the annotation and the class or method
     * @param problem what is wrong, as a sentence without the location
     */
    public InvalidRouteException(String source, String problem) {
        super(source + ": " + problem);
        this.source = Objects.requireNonNull(source, "source");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** As {@link #InvalidRouteException(String, String)}, with the underlying failure. */
    public InvalidRouteException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = Objects.requireNonNull(source, "source");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** Where the problem is. */
    public String source() {
        return source;
    }

    /** What the problem is, without the location. */
    public String problem() {
        return problem;
    }
}
