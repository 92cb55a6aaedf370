package dev.iamgate.example.store;

/** The database could not do what was asked. Its message is for the log, not for callers. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
