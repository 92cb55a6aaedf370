package dev.iamgate.example.api;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.web.Json;
import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.IamGate;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One API request as handlers see it: path variables, the JSON body (at most 64 KiB, and only
 * as {@code application/json}, which also keeps cross-site forms out), query parameters, and the
 * caller the iamgate filter established.
 */
public final class ApiRequest {

    /** Larger bodies are refused: no request of this API needs more. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** How much of an oversized body is read and dropped before refusing it. */
    private static final long DRAIN_LIMIT = 1024 * 1024;

    private final HttpServletRequest http;
    private final Map<String, String> variables;
    private byte[] body;
    /** Whether the body was read to its end (or drained to it): the connection can then carry another request. */
    private boolean consumed;

    ApiRequest(HttpServletRequest http, Map<String, String> variables) {
        this.http = http;
        this.variables = Map.copyOf(variables);
    }

    public HttpServletRequest http() {
        return http;
    }

    /** A path variable of the route. */
    public String variable(String name) {
        String value = variables.get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no variable " + name);
        }
        return value;
    }

    /** The {@code {user}} path variable: the user the route's resource ARN names. */
    public String user() {
        return variable("user");
    }

    /** The body as {@code type}; a missing body is refused. */
    public <T> T body(Class<T> type) throws IOException {
        byte[] raw = raw();
        if (raw.length == 0) {
            throw new IamException(ErrorCode.MALFORMED_INPUT, "The request needs a JSON body.");
        }
        return Json.read(raw, type);
    }

    /** The body as {@code type}, or what an empty object gives when there is no body. */
    public <T> T optionalBody(Class<T> type) throws IOException {
        byte[] raw = raw();
        return Json.read(raw.length == 0 ? "{}".getBytes(StandardCharsets.US_ASCII) : raw, type);
    }

    /** The body as text (UTF-8), for a handler that reads it itself (a policy document). */
    public String text() throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw())).toString();
        } catch (CharacterCodingException e) {
            throw new IamException(ErrorCode.MALFORMED_INPUT, "The request body is not UTF-8.");
        }
    }

    /** A query parameter, if given. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(http.getParameter(name));
    }

    /** The caller the filter established; every policy-protected and authenticated-only route has one. */
    public Caller caller() {
        return IamGate.caller(http).orElseThrow(() -> new IamException(ErrorCode.NOT_AUTHENTICATED,
                "The request is not authenticated."));
    }

    /** Whether the whole body was read or drained; when not, the container closes the connection after the answer. */
    boolean bodyConsumed() {
        return consumed;
    }

    /** The client's address, for the throttle. */
    public String address() {
        return http.getRemoteAddr();
    }

    private byte[] raw() throws IOException {
        if (body == null) {
            body = read();
        }
        return body;
    }

    private byte[] read() throws IOException {
        long declared = http.getContentLengthLong();
        byte[] bytes;
        try (InputStream in = http.getInputStream()) {
            if (declared > MAX_BODY_BYTES) {
                consumed = drain(in, declared);
                throw tooLarge();
            }
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                consumed = drain(in, Long.MAX_VALUE);
                throw tooLarge();
            }
            consumed = true;
        }
        if (bytes.length > 0) {
            String type = http.getContentType();
            String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!mediaType.equals("application/json")) {
                throw new IamException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
            }
        }
        return bytes;
    }

    /**
     * Reads and drops what the client is still sending, up to {@link #DRAIN_LIMIT}, so that it reads
     * the refusal instead of a reset connection; beyond that, the container closes the connection.
     * Returns whether the body was read to its end.
     */
    private static boolean drain(InputStream in, long declared) throws IOException {
        long left = Math.min(declared, DRAIN_LIMIT);
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return true;
                }
                skipped = 1;
            }
            left -= skipped;
        }
        return declared <= DRAIN_LIMIT;
    }

    private static IamException tooLarge() {
        return IamException.invalidInput("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
    }
}
