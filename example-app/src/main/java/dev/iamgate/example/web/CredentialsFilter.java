package dev.iamgate.example.web;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.servlet.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Runs before the iamgate filter: checks credentials sent in headers ({@link HeaderCredentials})
 * and leaves the caller in a request attribute for {@link HeaderCallerResolver}. A request whose
 * headers carry credentials that do not check out is refused here with 401, never passed on to be
 * judged by its session cookie instead.
 *
 * <p>No 401 carries {@code WWW-Authenticate: Basic}: a browser must never be prompted to remember
 * Basic credentials, which it would then send on its own, cross-site requests included.
 */
public final class CredentialsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The request attribute holding the {@link Caller} of header credentials. */
    static final String CALLER_ATTRIBUTE = CredentialsFilter.class.getName() + ".caller";

    private final transient HeaderCredentials credentials;

    public CredentialsFilter(HeaderCredentials credentials) {
        this.credentials = credentials;
    }

    /** Whether this request was authenticated by header credentials rather than by a session. */
    static boolean hasHeaderCaller(HttpServletRequest request) {
        return request.getAttribute(CALLER_ATTRIBUTE) instanceof Caller;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        String token = request.getHeader("X-Amz-Security-Token");
        if (authorization == null) {
            if (token != null) {
                ErrorResponses.refuseUnread(request, response, new IamException(ErrorCode.INVALID_CLIENT_TOKEN_ID,
                        "A security token needs its temporary access key in the Authorization header."));
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        try {
            String service = request.getRequestURI().startsWith(request.getContextPath() + "/api/sts/") ? "sts" : "iam";
            Caller caller = credentials.authenticate(authorization, token, service, request.getRemoteAddr());
            request.setAttribute(CALLER_ATTRIBUTE, caller);
        } catch (IamException refused) {
            ErrorResponses.refuseUnread(request, response, refused);
            return;
        } catch (RuntimeException e) { // the database behind the credentials failed: 503 or 500, never a stack trace
            ErrorResponses.writeFailure(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }
}
