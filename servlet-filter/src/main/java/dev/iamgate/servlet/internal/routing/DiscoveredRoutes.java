package dev.iamgate.servlet.internal.routing;

import dev.iamgate.servlet.mapping.RouteDeclaration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link IamGateRoutesInitializer} found at start-up, kept in the servlet context under
 * {@link IamGateRoutesInitializer#ATTRIBUTE}.
 *
 * @param scannedClasses the classes whose annotations were read, so that a later look at the
 *     context's servlets reads only the others
 * @param declarations the routes they declare, already checked for broken rules and conflicts
 */
public record DiscoveredRoutes(Set<Class<?>> scannedClasses, List<RouteDeclaration> declarations) {

    public DiscoveredRoutes {
        scannedClasses = Collections.unmodifiableSet(new LinkedHashSet<>(scannedClasses));
        declarations = List.copyOf(declarations);
    }
}
