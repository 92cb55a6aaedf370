package dev.iamgate.servlet.testing;

import dev.iamgate.servlet.IamGate;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.session.IamSessions;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The servlets of a container test, the same in every container: sign-in and MFA steps that use
 * the session API, a protected API servlet that records every request it serves, and a public page
 * that dispatches to whatever path its query names.
 */
public final class DemoServlets {

    public static final String ACCOUNT = "123456789012";

    /** Paths (method and path) the protected servlet served, in order. */
    public final List<String> served = new CopyOnWriteArrayList<>();

    /** {@code POST /api/login} with {@code user=NAME}: signs NAME in (tests only: no password). */
    public HttpServlet login() {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String user = request.getParameter("user");
                IamSessions.signIn(request, IamPrincipal.user(ACCOUNT, user, "AIDA" + user.toUpperCase(java.util.Locale.ROOT)));
                answer(response, 200, "signed in " + user);
            }
        };
    }

    /** {@code POST /api/login/mfa}: records MFA for the signed-in session. */
    public HttpServlet mfa() {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                IamSessions.recordMfa(request);
                answer(response, 200, "mfa recorded");
            }
        };
    }

    /** Everything under {@code /api/}: records and answers 200 with the caller's name. */
    public HttpServlet api() {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                served.add(request.getMethod() + " " + request.getServletPath()
                        + (request.getPathInfo() == null ? "" : request.getPathInfo()));
                answer(response, 200, "served for " + IamGate.caller(request).map(c -> c.principal().arn()).orElse("nobody"));
            }
        };
    }

    /**
     * A public page ({@code GET /assets/…} is a public route) that forwards to, includes or
     * dispatches asynchronously to the path in its {@code forward}, {@code include} or {@code async}
     * parameter, as a careless page might. Map it with async support for {@code async}.
     */
    public HttpServlet dispatcher() {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response)
                    throws IOException, ServletException {
                if (request.getParameter("forward") != null) {
                    request.getRequestDispatcher(request.getParameter("forward")).forward(request, response);
                } else if (request.getParameter("include") != null) {
                    response.setContentType("text/plain;charset=UTF-8");
                    request.getRequestDispatcher(request.getParameter("include")).include(request, response);
                } else if (request.getParameter("async") != null) {
                    request.startAsync().dispatch(request.getParameter("async"));
                } else {
                    answer(response, 200, "a public page");
                }
            }
        };
    }

    private static void answer(HttpServletResponse response, int status, String text) throws IOException {
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
