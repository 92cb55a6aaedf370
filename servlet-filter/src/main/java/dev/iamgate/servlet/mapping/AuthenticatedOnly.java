package dev.iamgate.servlet.mapping;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Declares an authenticated-only route: a caller is required, but no policy decides. For
 * operations that, as in AWS, no policy controls, such as {@code sts:GetSessionToken}:
 *
 * <pre>{@code
 * @IamRoutes
 * public class SessionTokenServlet extends HttpServlet {
 *     @AuthenticatedOnly(path = "/api/sts/session-token")
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
@Repeatable(AuthenticatedOnlyRoutes.class)
public @interface AuthenticatedOnly {

    /** The path template, appended verbatim to the class's {@link IamRoutes#path()}. */
    String path() default "";

    /** The HTTP methods, case-sensitive; implied by {@code doGet}-style methods. */
    String[] methods() default {};
}
