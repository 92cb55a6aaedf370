package dev.iamgate.servlet.internal.routing;

import dev.iamgate.servlet.mapping.AuthenticatedOnly;
import dev.iamgate.servlet.mapping.AuthenticatedOnlyRoutes;
import dev.iamgate.servlet.mapping.IamAction;
import dev.iamgate.servlet.mapping.IamActions;
import dev.iamgate.servlet.mapping.IamRoutes;
import dev.iamgate.servlet.mapping.PublicRoute;
import dev.iamgate.servlet.mapping.PublicRoutes;
import dev.iamgate.servlet.mapping.RouteDeclaration;
import dev.iamgate.servlet.mapping.RouteMappingException;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the routes declared by annotations when the web application starts, checks them, and
 * keeps them in the servlet context attribute {@value #ATTRIBUTE} as a {@link DiscoveredRoutes}.
 * Registered in {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 *
 * <p>Which classes are read:
 * <ul>
 *   <li>those the container reports for {@code @HandlesTypes}: classes with a class-level {@link
 *       IamRoutes}, {@link IamAction}, {@link PublicRoute} or {@link AuthenticatedOnly} (or their
 *       containers, which is what a class carrying the annotation twice holds);
 *   <li>the classes of the servlets registered with the context at that moment (from {@code
 *       web.xml}, {@code @WebServlet}, or embedded code), whose annotations may sit on methods
 *       only, which {@code @HandlesTypes} cannot see;
 *   <li>and, when the filter starts, through {@link #declarations(ServletContext)}, the classes of
 *       servlets registered since.
 * </ul>
 * A class with only method-level annotations that is neither registered as a servlet nor marked
 * with {@link IamRoutes} is not found; mark such classes.
 *
 * <p>A broken or conflicting declaration throws a {@link RouteMappingException}, which makes the
 * container fail the application's start-up rather than serve it with routes missing.
 */
@HandlesTypes({
    IamRoutes.class,
    IamAction.class,
    IamActions.class,
    PublicRoute.class,
    PublicRoutes.class,
    AuthenticatedOnly.class,
    AuthenticatedOnlyRoutes.class
})
public final class IamGateRoutesInitializer implements ServletContainerInitializer {

    /** The servlet context attribute holding the {@link DiscoveredRoutes}. */
    public static final String ATTRIBUTE = "dev.iamgate.servlet.routes";

    private static final Logger LOG = LoggerFactory.getLogger(IamGateRoutesInitializer.class);

    @Override
    public void onStartup(Set<Class<?>> annotated, ServletContext context) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        if (annotated != null) {
            classes.addAll(annotated);
        }
        classes.addAll(servletClasses(context));
        List<RouteDeclaration> declarations = AnnotatedRoutes.read(classes);
        RouteTable.validate(declarations);
        context.setAttribute(ATTRIBUTE, new DiscoveredRoutes(classes, declarations));
        LOG.info("iamgate: {} routes declared by annotations in {} classes", declarations.size(), classes.size());
    }

    /**
     * The routes declared by annotations: those found at start-up, plus those of servlets
     * registered since (all of them if the initializer did not run, as in a container started
     * without initializers). Called once, when the filter starts.
     *
     * @throws RouteMappingException when a newly read class declares a broken route
     */
    public static List<RouteDeclaration> declarations(ServletContext context) {
        Object attribute = context.getAttribute(ATTRIBUTE);
        DiscoveredRoutes found = attribute instanceof DiscoveredRoutes discovered
                ? discovered : new DiscoveredRoutes(Set.of(), List.of());
        Set<Class<?>> more = new LinkedHashSet<>(servletClasses(context));
        more.removeAll(found.scannedClasses());
        if (more.isEmpty()) {
            return found.declarations();
        }
        List<RouteDeclaration> declarations = new ArrayList<>(found.declarations());
        declarations.addAll(AnnotatedRoutes.read(more));
        return List.copyOf(declarations);
    }

    /** The application's class loader; an embedded context may have none of its own. */
    private static ClassLoader classLoader(ServletContext context) {
        ClassLoader loader = context.getClassLoader();
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        return loader != null ? loader : IamGateRoutesInitializer.class.getClassLoader();
    }

    /** The classes of the servlets registered so far; those that cannot be loaded are left to the container. */
    private static Set<Class<?>> servletClasses(ServletContext context) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        Map<String, ? extends ServletRegistration> registrations;
        try {
            registrations = context.getServletRegistrations();
        } catch (UnsupportedOperationException e) {
            // a context handed to a listener not declared by the application may refuse
            LOG.debug("iamgate: the servlet context does not list its servlets", e);
            return classes;
        }
        ClassLoader loader = classLoader(context);
        for (ServletRegistration registration : registrations.values()) {
            String className = registration.getClassName();
            if (className == null) {
                continue;
            }
            try {
                classes.add(Class.forName(className, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // the container will report the servlet itself; its routes cannot exist without it
                LOG.debug("iamgate: cannot load servlet class {}", className, e);
            }
        }
        return classes;
    }
}
