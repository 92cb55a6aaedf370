package dev.iamgate.servlet.internal.response;

import dev.iamgate.servlet.Denial;
import dev.iamgate.servlet.spi.DenyResponder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The default answer to a refused request: {@code {"Error":{"Code":…,"Message":…}}} as the AWS
 * APIs answer, or a minimal HTML page when the client's {@code Accept} header prefers
 * {@code text/html} (a browser following a link). Never cached, never sniffed. A 401 carries no
 * {@code WWW-Authenticate} challenge: a Basic challenge would make browsers prompt for credentials
 * and then send them on their own, cross-site requests included.
 */
public final class AwsErrorResponder implements DenyResponder {

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, Denial denial) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(denial.status());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        boolean html = prefersHtml(request.getHeader("Accept"));
        byte[] body = (html ? html(denial) : json(denial)).getBytes(StandardCharsets.UTF_8);
        response.setContentType(html ? "text/html;charset=UTF-8" : "application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static String json(Denial denial) {
        StringBuilder out = new StringBuilder(96 + denial.message().length());
        out.append("{\"Error\":{\"Code\":");
        Escaping.jsonString(denial.code(), out);
        out.append(",\"Message\":");
        Escaping.jsonString(denial.message(), out);
        return out.append("}}").toString();
    }

    static String html(Denial denial) {
        StringBuilder out = new StringBuilder(256 + denial.message().length());
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
        out.append(denial.status()).append(' ');
        Escaping.html(denial.code(), out);
        out.append("</title></head><body><h1>");
        Escaping.html(denial.code(), out);
        out.append("</h1><p>");
        Escaping.html(denial.message(), out);
        return out.append("</p></body></html>").toString();
    }

    /**
     * Whether {@code text/html} ranks above {@code application/json} in an Accept header (by
     * q-value, then by order). Absent or {@code *}/{@code *} means JSON: APIs are the default.
     */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = -1;
        double json = -1;
        int htmlOrder = Integer.MAX_VALUE;
        int jsonOrder = Integer.MAX_VALUE;
        int order = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/html") && q > html) {
                html = q;
                htmlOrder = order;
            } else if (type.equals("application/json") && q > json) {
                json = q;
                jsonOrder = order;
            }
            order++;
        }
        return html > 0 && (html > json || (html == json && htmlOrder < jsonOrder));
    }
}
