package dev.iamgate.example.web;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.servlet.session.IamSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses state-changing requests that ride on a browser session without the session's CSRF token
 * ({@code 403 InvalidCsrfToken}). Requests authenticated by header credentials are not riding on
 * anything a browser sends by itself, and requests without a session have nothing to forge.
 *
 * <p>Whatever their credentials, state-changing requests that a browser marks as coming from
 * another site ({@code Sec-Fetch-Site: cross-site} or {@code same-site}) are refused too: the page
 * is served from this origin, and API clients send no such header.
 *
 * <p>Signing in ({@code POST /api/login}) is exempt: it proves itself with the password, and a page
 * reloaded over a live session has lost its token and must be able to sign in again. Forcing a
 * victim to sign in (login CSRF) is still stopped by the next layer.
 *
 * <p>Two more layers stand behind this one: the session cookie is {@code SameSite=Strict}, and the
 * API accepts request bodies only as {@code application/json}, which a cross-site form cannot send.
 */
public final class CsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String SIGN_IN = "/api/login";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equals(site) || "same-site".equals(site)) {
            ErrorResponses.refuseUnread(request, response, new IamException(ErrorCode.INVALID_CSRF_TOKEN,
                    "State-changing requests from another site are refused."));
            return;
        }
        if (CredentialsFilter.hasHeaderCaller(request) || request.getRequestURI().equals(request.getContextPath() + SIGN_IN)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> expected = CsrfTokens.of(request);
        boolean signedIn = IamSessions.current(request).isPresent();
        if ((expected.isPresent() && !CsrfTokens.matches(request, expected.get())) || (signedIn && expected.isEmpty())) {
            ErrorResponses.refuseUnread(request, response, new IamException(ErrorCode.INVALID_CSRF_TOKEN,
                    "The request must carry the session's token in the " + CsrfTokens.HEADER + " header."));
            return;
        }
        chain.doFilter(request, response);
    }
}
