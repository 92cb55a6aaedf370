package dev.iamgate.example.web;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.store.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes refusals the AWS way: {@code {"Error":{"Code":"NoSuchEntity","Message":"…"}}} with the
 * code's HTTP status, and any details (such as a policy's {@code Findings}) inside {@code Error}.
 * Never a stack trace, never cached.
 */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    /**
     * Answers a request that failed unexpectedly, the one place where failures become answers:
     * {@code 503 ServiceUnavailable} when the database is unavailable (a {@link
     * StoreUnavailableException}, which the database logs once per outage), otherwise {@code 500
     * ServiceFailure}, logged here. Either way the caller reads a generic message, nothing of the
     * failure itself.
     */
    public static void writeFailure(HttpServletRequest request, HttpServletResponse response, RuntimeException failure)
            throws IOException {
        if (failure instanceof StoreUnavailableException) {
            write(response, new IamException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The service is temporarily unavailable. Try the request again later."));
            return;
        }
        LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), failure);
        write(response, new IamException(ErrorCode.SERVICE_FAILURE,
                "The request could not be completed because of an internal error."));
    }

    /**
     * Refuses a request whose body is not read, and may not be: says {@code Connection: close} when
     * it has one, because the container closes a connection whose request body is left unread, and a
     * keep-alive client that is not told sends its next request on a connection about to close.
     */
    public static void refuseUnread(HttpServletRequest request, HttpServletResponse response, IamException error)
            throws IOException {
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close");
        }
        write(response, error);
    }

    public static void write(HttpServletResponse response, IamException error) throws IOException {
        write(response, error.code().status(), error.code().code(), error.getMessage(), error.details());
    }

    static void write(HttpServletResponse response, int status, String code, String message, Map<String, Object> details)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("Code", code);
        error.put("Message", message);
        error.putAll(details);
        byte[] json = Json.text(Map.of("Error", error)).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
