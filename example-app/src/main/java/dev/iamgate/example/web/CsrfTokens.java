package dev.iamgate.example.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The per-session token that state-changing browser requests must echo in {@code X-CSRF-Token}.
 * Issued at sign-in, kept only in the server-side session, handed to the page in the sign-in answer.
 */
public final class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";
    private static final String ATTRIBUTE = CsrfTokens.class.getName();

    private CsrfTokens() {}

    /** Gives the session a new token and returns it. */
    public static String issue(HttpSession session, String token) {
        session.setAttribute(ATTRIBUTE, token);
        return token;
    }

    /** The token of the request's session, if it has one. */
    public static Optional<String> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return session.getAttribute(ATTRIBUTE) instanceof String token ? Optional.of(token) : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    /** Whether the request's header equals its session's token (compared in constant time). */
    static boolean matches(HttpServletRequest request, String expected) {
        String sent = request.getHeader(HEADER);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
