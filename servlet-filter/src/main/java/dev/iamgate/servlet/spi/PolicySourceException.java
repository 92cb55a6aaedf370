package dev.iamgate.servlet.spi;

/** A policy source could not be read; the filter keeps the last policies it had. */
public class PolicySourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PolicySourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public PolicySourceException(String message) {
        super(message);
    }
}
