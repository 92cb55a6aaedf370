package dev.iamgate.example.iam;

/**
 * The error codes the API answers with, each with its HTTP status as the IAM API gives it (wire
 * codes drop the {@code Exception} suffix). Codes the IAM API does not have are the demo's own,
 * and say so.
 */
public enum ErrorCode {
    /** A parameter has a value IAM would not accept. */
    INVALID_INPUT("InvalidInput", 400),
    /** The body is not JSON, or not the JSON object the route expects (the demo's own). */
    MALFORMED_INPUT("MalformedInput", 400),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409),
    LIMIT_EXCEEDED("LimitExceeded", 409),
    NO_SUCH_ENTITY("NoSuchEntity", 404),
    DELETE_CONFLICT("DeleteConflict", 409),
    INVALID_AUTHENTICATION_CODE("InvalidAuthenticationCode", 403),
    PASSWORD_POLICY_VIOLATION("PasswordPolicyViolation", 400),
    INVALID_USER_TYPE("InvalidUserType", 400),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
    MALFORMED_CERTIFICATE("MalformedCertificate", 400),
    INVALID_CERTIFICATE("InvalidCertificate", 400),
    DUPLICATE_CERTIFICATE("DuplicateCertificate", 409),
    INVALID_PUBLIC_KEY("InvalidPublicKey", 400),
    DUPLICATE_SSH_PUBLIC_KEY("DuplicateSSHPublicKey", 400),
    UNRECOGNIZED_PUBLIC_KEY_ENCODING("UnrecognizedPublicKeyEncoding", 400),
    NOT_SUPPORTED_SERVICE("NotSupportedService", 404),
    /** Authenticated but refused by the application itself (wrong old password, wrong MFA code for STS). */
    ACCESS_DENIED("AccessDenied", 403),
    /** Sign-in with a wrong user name or password (the demo's own). */
    INVALID_CREDENTIALS("InvalidCredentials", 401),
    /** The request needs a signed-in session or credentials and has none (as the filter answers). */
    NOT_AUTHENTICATED("NotAuthenticated", 401),
    /** An access key id, secret or session token that is unknown, wrong or inactive. */
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 401),
    /** Temporary credentials past their expiration. */
    EXPIRED_TOKEN("ExpiredToken", 401),
    /** A state-changing request of a browser session without the session's CSRF token (the demo's own). */
    INVALID_CSRF_TOKEN("InvalidCsrfToken", 403),
    /** Too many failed attempts for this user or address; try again later. */
    THROTTLING("Throttling", 429),
    /** No handler for the method on this path (the filter normally refuses such requests first). */
    NOT_FOUND("NotFound", 404),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415),
    SERVICE_FAILURE("ServiceFailure", 500),
    /** The database is unavailable for now (unreachable, shutting down, full); the request may be retried. */
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The code on the wire, e.g. {@code NoSuchEntity}. */
    public String code() {
        return code;
    }

    /** The HTTP status that goes with it. */
    public int status() {
        return status;
    }
}
