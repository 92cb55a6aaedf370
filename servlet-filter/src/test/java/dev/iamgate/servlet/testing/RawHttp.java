package dev.iamgate.servlet.testing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP/1.1 client that writes the request line byte for byte (no client-side normalisation of
 * the path, unlike every URL class), so that bypass payloads reach the server exactly as written.
 * Each request uses its own connection.
 */
public final class RawHttp {

    private final int port;
    private String sessionCookie;

    public RawHttp(int port) {
        this.port = port;
    }

    /** Sends a request, carrying and remembering the session cookie like a browser would. */
    public Response send(String method, String rawTarget, String body, String... headers) {
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(rawTarget).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        if (sessionCookie != null) {
            request.append("Cookie: JSESSIONID=").append(sessionCookie).append("\r\n");
        }
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(UTF_8);
        if (body != null) {
            request.append("Content-Type: application/x-www-form-urlencoded\r\n");
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        Response response = exchange(request.toString(), content);
        response.sessionCookie().ifPresent(cookie -> sessionCookie = cookie);
        return response;
    }

    /**
     * Sends only the head of a request that announces a body of {@code contentLength} bytes, on a
     * keep-alive connection, and reads the answer: what a refusal that comes before the body looks like.
     */
    public Response sendHeadWithoutBody(String method, String rawTarget, int contentLength) {
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(rawTarget).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        if (sessionCookie != null) {
            request.append("Cookie: JSESSIONID=").append(sessionCookie).append("\r\n");
        }
        request.append("Content-Type: application/x-www-form-urlencoded\r\n")
                .append("Content-Length: ").append(contentLength).append("\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(ISO_8859_1));
            socket.getOutputStream().flush();
            // One answer, by its Content-Length: the server may keep the connection open for the body.
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            int headEnd = -1;
            while (headEnd < 0) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before the end of the answer's head");
                }
                answer.write(b);
                headEnd = answer.toString(ISO_8859_1).indexOf("\r\n\r\n");
            }
            Response head = Response.parse(answer.toByteArray());
            answer.write(in.readNBytes(head.header("Content-Length").map(Integer::parseInt).orElse(0)));
            return Response.parse(answer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a request's head and content on a new connection and reads the answer until the server closes. */
    private Response exchange(String head, byte[] content) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(ISO_8859_1));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            return Response.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response get(String rawTarget, String... headers) {
        return send("GET", rawTarget, null, headers);
    }

    public Response post(String rawTarget, String body) {
        return send("POST", rawTarget, body);
    }

    /** Forgets the session, like a new browser. */
    public void forgetSession() {
        sessionCookie = null;
    }

    /** An HTTP response as read off the wire (chunked bodies are left as sent). */
    public record Response(int status, List<String> headers, String body) {

        static Response parse(byte[] bytes) {
            String text = new String(bytes, ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("not an HTTP response: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            return new Response(status, headers, new String(bytes, end + 4, bytes.length - end - 4, UTF_8));
        }

        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim()).findFirst();
        }

        Optional<String> sessionCookie() {
            return headers.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("set-cookie:"))
                    .map(line -> line.substring("set-cookie:".length()).trim())
                    .filter(cookie -> cookie.startsWith("JSESSIONID="))
                    .map(cookie -> cookie.substring("JSESSIONID=".length()).split(";")[0])
                    .findFirst();
        }
    }
}
