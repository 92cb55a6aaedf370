package dev.iamgate.servlet.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.servlet.mapping.AuthenticatedOnly;
import dev.iamgate.servlet.mapping.AuthenticatedOnlyRoutes;
import dev.iamgate.servlet.mapping.IamAction;
import dev.iamgate.servlet.mapping.IamActions;
import dev.iamgate.servlet.mapping.IamRoutes;
import dev.iamgate.servlet.mapping.PublicRoute;
import dev.iamgate.servlet.mapping.PublicRoutes;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Containers find the initializer the standard way, and it asks for every route annotation. */
class InitializerRegistrationTest {

    @Test
    void initializerIsAServiceContainersLoad() {
        assertThat(ServiceLoader.load(ServletContainerInitializer.class).stream().map(ServiceLoader.Provider::type))
                .contains(IamGateRoutesInitializer.class);
    }

    @Test
    void handlesTypesNamesEveryClassLevelAnnotationAndItsContainer() {
        // a class carrying an annotation twice holds only the container, so both must be asked for
        assertThat(IamGateRoutesInitializer.class.getAnnotation(HandlesTypes.class).value()).containsExactlyInAnyOrder(
                IamRoutes.class, IamAction.class, IamActions.class, PublicRoute.class, PublicRoutes.class,
                AuthenticatedOnly.class, AuthenticatedOnlyRoutes.class);
    }
}
