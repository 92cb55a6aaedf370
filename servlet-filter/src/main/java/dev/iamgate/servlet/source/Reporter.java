package dev.iamgate.servlet.source;

import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Where a source reports what it did and what went wrong: its SLF4J logger and, if the
 * application asked, a listener that receives the same messages (for tests, health checks,
 * an admin page). Messages name files and positions, never file contents.
 */
final class Reporter {

    private final Logger log;
    private final Consumer<String> listener;

    Reporter(Logger log, Consumer<String> listener) {
        this.log = log;
        this.listener = listener;
    }

    void error(String message) {
        log.error(message);
        listener.accept(message);
    }

    void warn(String message) {
        log.warn(message);
        listener.accept(message);
    }

    void info(String message) {
        log.info(message);
        listener.accept(message);
    }
}
