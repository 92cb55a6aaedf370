package dev.iamgate.servlet.mapping;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Declares a policy-protected route: requests with this HTTP method and path perform the IAM
 * {@linkplain #value() action} on the {@linkplain #resource() resource}, and the filter lets them
 * through only if the caller's policies allow it.
 *
 * <pre>{@code
 * @IamRoutes(path = "/api/users/{user}/access-keys")
 * public class AccessKeysServlet extends HttpServlet {
 *
 *     @IamAction(value = "iam:ListAccessKeys", resource = "arn:aws:iam::${account}:user/{user}")
 *     protected void doGet(HttpServletRequest request, HttpServletResponse response) { … }
 *
 *     @IamAction(value = "iam:UpdateAccessKey", method = "PATCH", path = "/{id}",
 *             resource = "arn:aws:iam::${account}:user/{user}")
 *     protected void service(HttpServletRequest request, HttpServletResponse response) { … }
 * }
 * }</pre>
 *
 * <p>On a {@code doGet}, {@code doPost}, {@code doPut}, {@code doDelete}, {@code doPatch},
 * {@code doHead}, {@code doOptions} or {@code doTrace} method the HTTP method is the one the Java
 * method's name says; {@link #method()} may repeat it but not contradict it. On any other method
 * (such as {@code service}, which servlets override to handle {@code PATCH}) and on the class,
 * {@link #method()} is required. Repeat the annotation to declare several routes in one place.
 *
 * <p>The full path is the class's {@link IamRoutes#path()} followed by {@link #path()}. Paths,
 * resource templates and their rules are described in the {@linkplain
 * dev.iamgate.servlet.mapping package documentation}.
 *
 * <p>Annotations are read from the class itself and its declared methods at start-up; they are
 * not inherited. Put {@link IamRoutes} on the class so that the container reports it even when
 * only its methods are annotated.
 */
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
@Repeatable(IamActions.class)
public @interface IamAction {

    /** The IAM action the request performs, {@code service:Name} without wildcards. */
    String value();

    /**
     * The resource the request acts on: an ARN template such as {@code
     * arn:aws:iam::${account}:user/{user}}, or {@code *} for actions that take no resource.
     * {@code ${account}} is the configured account id and {@code {user}} the value of the path
     * variable {@code user}. Required, so that no route acts on {@code *} by oversight.
     */
    String resource();

    /** The path template, appended verbatim to the class's {@link IamRoutes#path()}. */
    String path() default "";

    /** The HTTP method, case-sensitive (e.g. {@code PATCH}); implied by {@code doGet}-style methods. */
    String method() default "";

    /**
     * Condition keys the route adds to the request, each {@code key=template}, e.g. {@code
     * iam:TargetUser={user}}. Keys in the {@code aws:} namespace belong to the filter and are
     * rejected.
     */
    String[] context() default {};
}
