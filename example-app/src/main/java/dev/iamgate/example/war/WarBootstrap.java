package dev.iamgate.example.war;

import dev.iamgate.example.api.ApiServlet;
import dev.iamgate.example.runner.ExampleApp;
import dev.iamgate.example.runner.Settings;
import dev.iamgate.example.web.CsrfFilter;
import dev.iamgate.example.web.SecurityHeadersFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the example app inside any Jakarta EE 10/11 container (declared as a {@code <listener>} in
 * {@code WEB-INF/web.xml}): opens the database ({@link ExampleApp#assemble}, seeded on first start),
 * registers the API servlet at {@code /api/*} and the app's own filters, and publishes the policy
 * source for the {@code IamGateFilter} that web.xml declares.
 *
 * <p>Filter order as in the embedded server: security headers, header credentials and CSRF are
 * registered here to match <em>before</em> every filter of web.xml ({@code isMatchAfter = false}),
 * so the IamGateFilter of web.xml comes last. Static files are the container's default servlet.
 *
 * <p>Data directory: the context init-parameter or system property {@value #DATA_PARAMETER},
 * default {@code ${java.io.tmpdir}/iamgate-example}. The seeded users' initial password: the
 * system property or environment variable {@value Settings#PASSWORD_VARIABLE}, else random and
 * written once to the container's log.
 */
public final class WarBootstrap implements ServletContextListener {

    public static final String DATA_PARAMETER = "iamgate.example.data";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Settings settings = settings(context);
        ExampleApp.Parts parts;
        try {
            parts = ExampleApp.assemble(settings);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the iamgate example app cannot start: " + e.getMessage(), e);
        }
        try {
            parts.seeded().ifPresent(passwords -> passwords.forEach((user, password) ->
                    context.log("iamgate example: initial password of " + user + ": " + password)));
            addFilter(context, "securityHeaders", new SecurityHeadersFilter());
            addFilter(context, "credentials", parts.credentials());
            // only the API reads a session's rights; the page and its assets are public
            context.addFilter("sessionStamps", parts.sessionStamps())
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/api/*");
            addFilter(context, "csrf", new CsrfFilter());
            context.addServlet("api", new ApiServlet(parts.router())).addMapping("/api/*");
            WarApp.set(parts);
        } catch (RuntimeException | Error e) {
            parts.close();
            throw e;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        WarApp.get().ifPresent(parts -> {
            WarApp.set(null);
            parts.close();
        });
    }

    private static Settings settings(ServletContext context) {
        String data = Optional.ofNullable(context.getInitParameter(DATA_PARAMETER)).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getProperty(DATA_PARAMETER)).filter(s -> !s.isBlank()))
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "iamgate-example").toString());
        Settings settings = Settings.of("", 0, Path.of(data), Optional.empty(), System.getenv());
        Optional<String> password = Optional.ofNullable(System.getProperty(Settings.PASSWORD_VARIABLE))
                .filter(s -> !s.isEmpty()).or(settings::demoPassword);
        return new Settings(settings.host(), settings.port(), settings.dataDirectory(), settings.jdbcUrl(),
                settings.jdbcUser(), settings.jdbcPassword(), password, settings.demoKey(), settings.account(),
                settings.hashCost(), settings.throttle(), settings.clock(), settings.connectionTimeout());
    }

    private static void addFilter(ServletContext context, String name, Filter filter) {
        context.addFilter(name, filter).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
