package dev.iamgate.example.war;

import dev.iamgate.example.runner.ExampleApp;
import java.util.Optional;

/**
 * The running app's parts, set by {@link WarBootstrap} when the web application starts and cleared
 * when it stops, for the adapters that the container's {@code IamGateFilter} finds through
 * {@link java.util.ServiceLoader} (web.xml can name classes, not objects).
 */
final class WarApp {

    private static volatile ExampleApp.Parts parts;

    private WarApp() {}

    static void set(ExampleApp.Parts value) {
        parts = value;
    }

    static Optional<ExampleApp.Parts> get() {
        return Optional.ofNullable(parts);
    }

    /** The parts, or a clear error when the listener has not run (or failed). */
    static ExampleApp.Parts require() {
        ExampleApp.Parts current = parts;
        if (current == null) {
            throw new IllegalStateException("the iamgate example app is not started: declare "
                    + WarBootstrap.class.getName() + " as a <listener> in web.xml");
        }
        return current;
    }
}
