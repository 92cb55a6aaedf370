package dev.iamgate.servlet.session;

import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.IamPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * The session MFA contract: the application calls {@link #signIn} once it has checked the user's
 * password, {@link #recordMfa} once it has checked an MFA code, and {@link #signOut}; the filter
 * reads {@link #caller} on each request.
 *
 * <p>The session holds exactly one attribute of this API, an immutable {@link IamSession}:
 * the principal, the sign-in time and the MFA time if any. Never a password, code or secret.
 * Signing in and recording MFA rotate the session id ({@link HttpServletRequest#changeSessionId()}),
 * so an id planted in or stolen from the browser before the step is worthless after it.
 *
 * <p>A session without MFA yields {@link dev.iamgate.servlet.MfaEvidence#NOT_USED}
 * ({@code aws:MultiFactorAuthPresent} is {@code "false"}); after {@link #recordMfa}, {@link
 * dev.iamgate.servlet.MfaEvidence#usedAt} the time of the step ({@code "true"}, and {@code
 * aws:MultiFactorAuthAge} counts from it). To let MFA expire within a session, use {@link
 * SessionPrincipalResolver#SessionPrincipalResolver(java.time.Duration, InstantSource)}.
 */
public final class IamSessions {

    /** The session attribute holding the {@link IamSession}. */
    static final String ATTRIBUTE = IamSession.class.getName();

    private IamSessions() {}

    /** As {@link #signIn(HttpServletRequest, IamPrincipal, InstantSource)} with the system clock. */
    public static void signIn(HttpServletRequest request, IamPrincipal principal) {
        signIn(request, principal, InstantSource.system());
    }

    /**
     * Signs a principal in, without MFA. Call it only after authenticating the user.
     *
     * <p>An existing session keeps its other attributes and gets a new id, unless another
     * principal is signed in to it: then it is invalidated and a fresh one created, so nothing of
     * the previous user's session carries over to the next.
     */
    public static void signIn(HttpServletRequest request, IamPrincipal principal, InstantSource clock) {
        Objects.requireNonNull(principal, "principal");
        HttpSession session = request.getSession(false);
        if (session != null && read(session) instanceof IamSession previous
                && !previous.principal().arn().equals(principal.arn())) {
            invalidate(session);
            session = null;
        }
        if (session == null) {
            session = request.getSession(true);
        } else {
            request.changeSessionId();
        }
        session.setAttribute(ATTRIBUTE, IamSession.signedIn(principal, clock.instant()));
    }

    /** As {@link #recordMfa(HttpServletRequest, InstantSource)} with the system clock. */
    public static void recordMfa(HttpServletRequest request) {
        recordMfa(request, InstantSource.system());
    }

    /**
     * Records that the signed-in user just completed multi-factor authentication, and rotates the
     * session id. Call it only after verifying the MFA code.
     *
     * @throws IllegalStateException if nobody is signed in to the request's session
     */
    public static void recordMfa(HttpServletRequest request, InstantSource clock) {
        HttpSession session = request.getSession(false);
        if (session == null || !(read(session) instanceof IamSession signedIn)) {
            throw new IllegalStateException("recordMfa needs a signed-in session: call signIn first");
        }
        request.changeSessionId();
        session.setAttribute(ATTRIBUTE, signedIn.withMfaAt(clock.instant()));
    }

    /** Signs out: invalidates the session, if there is one. */
    public static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            invalidate(session);
        }
    }

    /**
     * The signed-in session of the request, if any. Reads the session once, creates none.
     */
    public static Optional<IamSession> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && read(session) instanceof IamSession signedIn ? Optional.of(signedIn) : Optional.empty();
    }

    /**
     * The caller of a signed-in session: its principal and MFA evidence, MFA never expiring. Reads
     * the session once ({@code getSession(false)}, one {@code getAttribute}) and creates none.
     */
    public static Optional<Caller> caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && read(session) instanceof IamSession signedIn
                ? Optional.of(signedIn.caller())
                : Optional.empty();
    }

    private static Object read(HttpSession session) {
        try {
            return session.getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            // Another request of the same session signed out meanwhile: nobody is signed in.
            return null;
        }
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // Already gone: the outcome the caller wanted.
        }
    }
}
