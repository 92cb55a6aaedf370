package dev.iamgate.example.api;

/**
 * What a handler answers: a status and a body written as JSON (none for 204).
 *
 * @param status the HTTP status
 * @param body the body, or null
 */
public record Reply(int status, Object body) {

    public static Reply ok(Object body) {
        return new Reply(200, body);
    }

    public static Reply noContent() {
        return new Reply(204, null);
    }
}
