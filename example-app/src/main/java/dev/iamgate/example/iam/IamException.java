package dev.iamgate.example.iam;

import java.util.Map;
import java.util.Objects;

/**
 * A request the service refuses, with the IAM error code and a message safe to show the caller
 * (never a secret, never a stack trace). Thrown inside a transaction, it rolls the transaction
 * back: a refused request changes nothing.
 */
public class IamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Map<String, Object> details;

    public IamException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    /**
     * @param details further members of the answer's {@code Error} object, such as the
     *     {@code Findings} of a refused policy document
     */
    public IamException(ErrorCode code, String message, Map<String, Object> details) {
        // No stack trace: these are answers, not faults, and they are never logged as errors.
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static IamException noSuchEntity(String message) {
        return new IamException(ErrorCode.NO_SUCH_ENTITY, message);
    }

    public static IamException invalidInput(String message) {
        return new IamException(ErrorCode.INVALID_INPUT, message);
    }

    public static IamException limitExceeded(String message) {
        return new IamException(ErrorCode.LIMIT_EXCEEDED, message);
    }
}
