package dev.iamgate.example.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the demo's API over real HTTP (java.net.http): keeps its session cookie like a
 * browser, sends the session's CSRF token once it has one, or sends header credentials instead.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer: status, headers and body (parsed as JSON when it is JSON). */
    public record Response(int status, Map<String, List<String>> headers, String text) {

        public JsonNode json() {
            return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
        }

        /** The error code of an error answer, or "" for any other. */
        public String errorCode() {
            return text.startsWith("{") ? json().path("Error").path("Code").asString("") : "";
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String csrfToken;

    public ApiClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Sends these credentials as {@code Authorization: Basic} on every request. */
    public ApiClient withAccessKey(String accessKeyId, String secret) {
        headers.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((accessKeyId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Sends temporary credentials: Basic and {@code X-Amz-Security-Token}. */
    public ApiClient withTemporaryCredentials(JsonNode credentials) {
        withAccessKey(credentials.path("AccessKeyId").asString(), credentials.path("SecretAccessKey").asString());
        headers.put("X-Amz-Security-Token", credentials.path("SessionToken").asString());
        return this;
    }

    /** Sends {@code name: value} on every request. */
    public ApiClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiClient withCsrfToken(String token) {
        this.csrfToken = token;
        return this;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** The session cookie as the server set it (attributes included), or null. */
    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Response post(String path) {
        return send("POST", path, null, null);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** Any request, with an explicit content type (or none). */
    public Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Response answer = new Response(response.statusCode(), response.headers().map(), response.body());
            String token = answer.text().startsWith("{") ? answer.json().path("CsrfToken").asString(null) : null;
            if (token != null && path.startsWith("/api/login")) {
                csrfToken = token;
            }
            return answer;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JSON text of {@code "Key", value, …} pairs. */
    public static String json(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return JSON.writeValueAsString(object);
    }

    /** The values of {@code field} in each element of an array. */
    public static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(element -> out.add(element.path(field).asString()));
        return out;
    }
}
