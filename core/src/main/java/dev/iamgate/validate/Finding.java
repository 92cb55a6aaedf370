package dev.iamgate.validate;

import dev.iamgate.policy.SourceLocation;

import java.util.Objects;

/**
 * One thing the validator has to say about a policy document.
 *
 * @param severity how much it matters; always the severity {@link Checks} gives the check
 * @param check the stable kebab-case name of the check that found it, e.g. {@code
 *     allow-with-not-action}; see {@link Checks#all()}
 * @param message one sentence about this occurrence, without location or check name
 * @param location where it stands: JSON pointer and line:column
 */
public record Finding(Severity severity, String check, String message, SourceLocation location) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    /** {@code line:col: severity check: message}, the way compilers print a diagnostic. */
    @Override
    public String toString() {
        return location.lineColumn() + ": " + severity.label() + " " + check + ": " + message;
    }
}
