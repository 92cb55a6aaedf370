package dev.iamgate.example.web;

import dev.iamgate.example.store.StoreUnavailableException;
import dev.iamgate.servlet.session.IamSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ends the browser sessions that signed in with a password since changed: each session keeps the
 * stamp of the password it was opened with ({@code Passwords#stamp}), and this filter, ahead
 * of the CSRF check and the iamgate filter, invalidates a session whose stamp is no longer the
 * user's, so the request goes on as one without a session. The session that changed the password
 * takes the new stamp ({@link #renew}); every other session of the user, and any other holder of a
 * stolen session cookie, is signed out.
 *
 * <p>Fails closed: a signed-in session without a stamp is ended. While the database is
 * unavailable the stamp cannot be read: the request goes on, so that the iamgate filter still
 * denies what the last compiled policies deny, but marked {@linkplain #unverified unverified}, and
 * the API answers it 503 without running anything. Any other failure to read it answers 500.
 */
public final class SessionStamps extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = SessionStamps.class.getName();
    private static final String UNVERIFIED = SessionStamps.class.getName() + ".unverified";

    /** The user's current stamp, empty when the user or the password is gone. */
    private final transient Function<String, Optional<String>> current;

    public SessionStamps(Function<String, Optional<String>> current) {
        this.current = Objects.requireNonNull(current, "current");
    }

    /** Stamps a session just signed in with the password whose stamp was read before it was checked. */
    public static void stamp(HttpSession session, Optional<String> stamp) {
        session.setAttribute(ATTRIBUTE, stamp.orElse(null));
    }

    /**
     * After {@code userName} changed the password in this request: if the request rode on that
     * user's browser session, the session gets a new id and the new stamp; otherwise nothing.
     */
    public static void renew(HttpServletRequest request, String userName, Optional<String> stamp) {
        if (CredentialsFilter.hasHeaderCaller(request)
                || IamSessions.current(request).flatMap(s -> s.principal().userName()).filter(userName::equals).isEmpty()) {
            return;
        }
        try {
            request.changeSessionId();
            stamp(request.getSession(false), stamp);
        } catch (IllegalStateException signedOutMeanwhile) {
            // Another request of the session signed out: nothing to keep.
        }
    }

    /**
     * The outage that kept this request's session from being checked, if any: the request must not
     * be served, only refused.
     */
    public static Optional<StoreUnavailableException> unverified(HttpServletRequest request) {
        return request.getAttribute(UNVERIFIED) instanceof StoreUnavailableException e ? Optional.of(e) : Optional.empty();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        Optional<String> user = IamSessions.current(request).flatMap(s -> s.principal().userName());
        if (session != null && user.isPresent()) {
            Optional<String> now;
            try {
                now = current.apply(user.get());
            } catch (StoreUnavailableException e) {
                request.setAttribute(UNVERIFIED, e);
                chain.doFilter(request, response);
                return;
            } catch (RuntimeException e) { // never a session let through unchecked
                ErrorResponses.writeFailure(request, response, e);
                return;
            }
            Object held;
            try {
                held = session.getAttribute(ATTRIBUTE);
            } catch (IllegalStateException invalidated) {
                held = null;
            }
            if (now.isEmpty() || !(held instanceof String stamp) || !stamp.equals(now.get())) {
                IamSessions.signOut(request);
            }
        }
        chain.doFilter(request, response);
    }
}
