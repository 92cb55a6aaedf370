package dev.iamgate.example.store;

/**
 * The database is unavailable for now: unreachable, shutting down, or out of disk space or
 * memory ({@link SqlFailures#isUnavailable}). The transaction it interrupted was rolled back or
 * never began; the same request may succeed later. Its message names the database (without
 * credentials) and the failure, for the log, not for callers.
 */
public class StoreUnavailableException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
