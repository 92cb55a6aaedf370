package dev.iamgate.servlet.internal.context;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 ee10 server on the loopback interface, and a client that writes raw HTTP/1.1, so
 * a test controls every header (including sending no {@code User-Agent}) and the server sees a real
 * socket peer.
 *
 * <p>Two connectors: a plain one, and one behind which Jetty believes {@code X-Forwarded-Proto}
 * (its {@link ForwardedRequestCustomizer}), the way a container sits behind a TLS-terminating
 * proxy, so that {@code request.isSecure()} can be true without certificates.
 */
public final class EmbeddedJetty implements AutoCloseable {

    private final Server server;
    private final ServerConnector plain;
    private final ServerConnector behindTlsProxy;

    private EmbeddedJetty(Server server, ServerConnector plain, ServerConnector behindTlsProxy) {
        this.server = server;
        this.plain = plain;
        this.behindTlsProxy = behindTlsProxy;
    }

    /** Serves {@code servlet} at every path, with sessions. */
    public static EmbeddedJetty start(HttpServlet servlet) {
        return start(context -> context.addServlet(new ServletHolder(servlet), "/*"));
    }

    /** Serves a context (with sessions) that {@code setUp} fills. */
    public static EmbeddedJetty start(Consumer<ServletContextHandler> setUp) {
        Server server = new Server();
        ServerConnector plain = new ServerConnector(server);
        plain.setHost("127.0.0.1");
        plain.setPort(0);
        HttpConfiguration proxied = new HttpConfiguration();
        proxied.addCustomizer(new ForwardedRequestCustomizer());
        ServerConnector behindTlsProxy = new ServerConnector(server, new HttpConnectionFactory(proxied));
        behindTlsProxy.setHost("127.0.0.1");
        behindTlsProxy.setPort(0);
        server.addConnector(plain);
        server.addConnector(behindTlsProxy);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        setUp.accept(context);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start", e);
        }
        return new EmbeddedJetty(server, plain, behindTlsProxy);
    }

    /** A GET over the plain connector with the given header lines ({@code "Name: value"}). */
    public Response get(String path, String... headers) {
        return send(plain.getLocalPort(), "GET", path, List.of(headers));
    }

    /** A GET over the connector that sits behind a TLS-terminating proxy. */
    public Response getBehindTlsProxy(String path, String... headers) {
        return send(behindTlsProxy.getLocalPort(), "GET", path, List.of(headers));
    }

    private static Response send(int port, String method, String path, List<String> headers) {
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach(header -> request.append(header).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(ISO_8859_1));
            socket.getOutputStream().flush();
            return Response.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }

    /** An HTTP response as read off the wire. Servlets under test set a content length (no chunking). */
    public record Response(int status, List<String> headers, String body) {

        static Response parse(byte[] bytes) {
            String text = new String(bytes, ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            String body = new String(bytes, end + 4, bytes.length - end - 4, UTF_8);
            return new Response(status, headers, body);
        }

        /** The first value of a header. */
        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim())
                    .findFirst();
        }

        /** The session id the response sets, if it sets one. */
        public Optional<String> sessionCookie() {
            return headers.stream()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("set-cookie:"))
                    .map(line -> line.substring("set-cookie:".length()).trim())
                    .filter(cookie -> cookie.startsWith("JSESSIONID="))
                    .map(cookie -> cookie.substring("JSESSIONID=".length()).split(";")[0])
                    .findFirst();
        }
    }
}
