package dev.iamgate.example.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Requests written byte for byte on a socket of their own, for what an HTTP client would refuse or
 * normalise: raw {@code ..} and encoded separators in paths, broken headers.
 */
final class RawHttp {

    /** Status, head (status line and headers) and body of an answer. */
    record Answer(int status, String head, String body) {

        /** Whether the answer says the server closes the connection after it. */
        boolean closes() {
            return head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close");
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** {@code GET path}, the path as given, with {@code cookie} ("name=value") when not null. */
    Answer get(String path, String cookie) throws IOException {
        StringBuilder head = new StringBuilder().append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        if (cookie != null) {
            head.append("Cookie: ").append(cookie).append("\r\n");
        }
        return exchange(head.append("Connection: close\r\n\r\n").toString());
    }

    /** Sends {@code request} as it is (it must ask to close the connection) and reads the whole answer. */
    Answer exchange(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + text.lines().findFirst().orElse("(nothing)"));
            }
            int bodyStart = text.indexOf("\r\n\r\n");
            return bodyStart < 0 ? new Answer(Integer.parseInt(text.substring(9, 12)), text, "")
                    : new Answer(Integer.parseInt(text.substring(9, 12)), text.substring(0, bodyStart),
                            text.substring(bodyStart + 4));
        }
    }

    /**
     * Sends {@code request} on {@code socket}, which stays open, and reads one answer (its body by
     * {@code Content-Length}); null when the server closed the connection without answering.
     */
    static Answer exchangeKeepingAlive(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.append((char) b);
        }
        String headText = head.substring(0, head.length() - 4);
        int length = 0;
        for (String line : headText.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Answer(Integer.parseInt(headText.substring(9, 12)), headText, body);
    }
}
