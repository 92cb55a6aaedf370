package dev.iamgate.example.api;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.store.StoreUnavailableException;
import dev.iamgate.example.web.ErrorResponses;
import dev.iamgate.example.web.Json;
import dev.iamgate.example.web.SessionStamps;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Serves {@code /api/*}: finds the route's handler, runs it, writes its JSON answer or its refusal.
 * An unexpected failure is answered by {@link ErrorResponses#writeFailure}: {@code 503
 * ServiceUnavailable} while the database is unavailable, {@code 500 ServiceFailure} otherwise, with
 * a generic message: no stack trace, no internal detail reaches the client.
 */
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Router router;

    public ApiServlet(Router router) {
        this.router = router;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ApiRequest api = null;
        try {
            Optional<StoreUnavailableException> unverified = SessionStamps.unverified(request);
            if (unverified.isPresent()) {
                // The session could not be checked against its password (SessionStamps): serve nothing.
                throw unverified.get();
            }
            Optional<Router.Match> match = router.match(request.getMethod(), path);
            if (match.isEmpty()) {
                Set<String> allowed = router.methodsFor(path);
                if (allowed.isEmpty()) {
                    throw new IamException(ErrorCode.NOT_FOUND, "No API operation at " + path + ".");
                }
                response.setHeader("Allow", String.join(", ", allowed));
                throw new IamException(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed here.");
            }
            api = new ApiRequest(request, match.get().variables());
            Reply reply = match.get().handler().handle(api);
            write(response, reply);
        } catch (IamException refused) {
            if (api != null && api.bodyConsumed()) {
                ErrorResponses.write(response, refused);
            } else {
                ErrorResponses.refuseUnread(request, response, refused);
            }
        } catch (RuntimeException e) {
            ErrorResponses.writeFailure(request, response, e);
        }
    }

    private static void write(HttpServletResponse response, Reply reply) throws IOException {
        response.setStatus(reply.status());
        if (reply.body() == null) {
            return;
        }
        byte[] json = Json.text(reply.body()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
