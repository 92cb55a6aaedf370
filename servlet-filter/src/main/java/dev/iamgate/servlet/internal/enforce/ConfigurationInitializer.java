package dev.iamgate.servlet.internal.enforce;

import dev.iamgate.servlet.IamGateConfiguration;
import dev.iamgate.servlet.IamGateFilter;
import dev.iamgate.servlet.IamGateSettings;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.List;
import java.util.Set;

/**
 * Registers {@link IamGateFilter} on {@code /*} for an application that carries
 * {@link IamGateConfiguration} on one of its classes: the annotation way of switching iamgate on.
 * Two such classes are a configuration error.
 */
@HandlesTypes(IamGateConfiguration.class)
public final class ConfigurationInitializer implements ServletContainerInitializer {

    /** The name the filter is registered under. */
    public static final String FILTER_NAME = "iamgate";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        if (classes == null || classes.isEmpty()) {
            return;
        }
        List<Class<?>> configured = classes.stream().filter(c -> c.isAnnotationPresent(IamGateConfiguration.class)).toList();
        if (configured.isEmpty()) {
            return;
        }
        if (configured.size() > 1) {
            throw new ServletException("iamgate: @IamGateConfiguration on more than one class: " + configured);
        }
        IamGateSettings settings = IamGateSettings.fromAnnotation(configured.get(0).getAnnotation(IamGateConfiguration.class));
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, new IamGateFilter(settings));
        if (registration == null) {
            // web.xml already declares a filter of this name: it wins, with its init-parameters.
            return;
        }
        registration.addMappingForUrlPatterns(IamGateFilter.dispatcherTypes(), false, "/*");
    }
}
