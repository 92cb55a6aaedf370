package dev.iamgate.servlet;

import java.util.Objects;

/**
 * A request the filter refuses, with the AWS-style error it answers: status, error code and a
 * message that names who, what and why but never a credential.
 *
 * @param status 400 (rejected path), 401 (no caller) or 403 (denied)
 * @param code the AWS error code, e.g. {@code AccessDenied}
 * @param message the human-readable message
 */
public record Denial(int status, String code, String message) {

    public Denial {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
