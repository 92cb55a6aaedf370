package dev.iamgate.servlet.mapping;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a class whose methods declare routes, and optionally gives their common path prefix.
 *
 * <p>Why a marker: the container's start-up scan ({@code @HandlesTypes}) reports classes by their
 * class-level annotations only, so a servlet annotated only on its {@code doGet} would be missed
 * unless it is also registered with the context before start-up. With this marker it never is.
 *
 * <p>The prefix is joined to each route's own path verbatim, with nothing inferred from the
 * servlet's URL mapping: {@code @IamRoutes(path = "/api/users/{user}")} and {@code
 * @IamAction(path = "/access-keys", …)} declare {@code /api/users/{user}/access-keys}; a route
 * with no path of its own gets the prefix itself. A class marked but declaring no route is an
 * error.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
public @interface IamRoutes {

    /** The prefix of every route declared in the class; empty for none. */
    String path() default "";
}
