package dev.iamgate.servlet.mapping;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Declares a public route: anyone may call it, signed in or not, and no policy is consulted. For
 * sign-in endpoints and pages that must work before there is a caller.
 *
 * <pre>{@code
 * @IamRoutes
 * public class LoginServlet extends HttpServlet {
 *     @PublicRoute(path = "/api/login")
 *     protected void doPost(HttpServletRequest request, HttpServletResponse response) { … }
 * }
 * }</pre>
 *
 * <p>The HTTP methods follow the same rules as {@link IamAction#method()}: implied by a
 * {@code doGet}-style method, required elsewhere.
 */
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
@Repeatable(PublicRoutes.class)
public @interface PublicRoute {

    /** The path template, appended verbatim to the class's {@link IamRoutes#path()}. */
    String path() default "";

    /** The HTTP methods, case-sensitive; implied by {@code doGet}-style methods. */
    String[] methods() default {};
}
