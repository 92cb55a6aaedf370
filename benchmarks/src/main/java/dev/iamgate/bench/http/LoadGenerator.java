package dev.iamgate.bench.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Iterator;

/**
 * A closed-loop HTTP/1.1 load generator: keep-alive connections, each sending its pre-encoded
 * request again as soon as the previous response is complete, all driven by one
 * thread and one selector, so that the generator takes as little of the machine's CPU as it can.
 * Every response must be a {@code 200} with a {@code Content-Length} (the harness's servlets set
 * one); anything else is counted as an error.
 */
final class LoadGenerator {

    /** What one run saw; latencies in nanoseconds, from writing a request to reading its last byte. */
    record Run(long responses, long errors, long nanos, long[] latencies) {

        double requestsPerSecond() {
            return responses * 1e9 / nanos;
        }

        /** The latency at quantile {@code q} (0 &lt; q ≤ 1), nearest rank; 0 without latencies. */
        long latencyAt(double q) {
            if (latencies.length == 0) {
                return 0;
            }
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }

    private final InetSocketAddress server;
    private final byte[][] requests;

    /** Connection {@code i} sends {@code requests[i % requests.length]}. */
    LoadGenerator(InetSocketAddress server, byte[][] requests) {
        this.server = server;
        this.requests = requests.clone();
    }

    /** Runs for {@code nanos} over fresh connections; responses still in flight at the end are not counted. */
    Run run(int connections, long nanos, boolean recordLatencies) throws IOException {
        Latencies latencies = new Latencies(recordLatencies);
        long responses = 0;
        long errors = 0;
        try (Selector selector = Selector.open()) {
            Connection[] open = new Connection[connections];
            for (int i = 0; i < connections; i++) {
                SocketChannel channel = SocketChannel.open(server);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                open[i] = new Connection(channel, requests[i % requests.length]);
                channel.register(selector, SelectionKey.OP_READ, open[i]);
            }
            long start = System.nanoTime();
            long end = start + nanos;
            for (Connection connection : open) {
                connection.send(System.nanoTime());
            }
            long now = start;
            while (now < end) {
                selector.select(Math.max(1, (end - now) / 1_000_000));
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    Connection connection = (Connection) ready.next().attachment();
                    ready.remove();
                    connection.read();
                    int status;
                    while ((status = connection.nextResponse()) != 0) {
                        long received = System.nanoTime();
                        responses++;
                        if (status != 200) {
                            errors++;
                        }
                        latencies.add(received - connection.sentAt);
                        connection.send(received);
                    }
                }
                now = System.nanoTime();
            }
            for (Connection connection : open) {
                connection.channel.close();
            }
            return new Run(responses, errors, now - start, latencies.toArray());
        }
    }

    /** One keep-alive connection and the bytes of the response being read. */
    private static final class Connection {
        private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        final SocketChannel channel;
        private final byte[] request;
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        long sentAt;

        Connection(SocketChannel channel, byte[] request) {
            this.channel = channel;
            this.request = request;
        }

        void send(long now) throws IOException {
            sentAt = now;
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                channel.write(out); // a few hundred bytes: the socket buffer takes them at once
            }
        }

        void read() throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            if (channel.read(in) < 0) {
                throw new IOException("the server closed a keep-alive connection");
            }
        }

        /** The status of the complete response at the head of the buffer, which it consumes; 0 if none is complete. */
        int nextResponse() throws IOException {
            byte[] bytes = in.array();
            int filled = in.position();
            int headerEnd = indexOfBlankLine(bytes, filled);
            if (headerEnd < 0) {
                return 0;
            }
            int length = contentLength(bytes, headerEnd);
            int total = headerEnd + 4 + length;
            if (filled < total) {
                return 0;
            }
            int status = (bytes[9] - '0') * 100 + (bytes[10] - '0') * 10 + (bytes[11] - '0');
            in.flip().position(total);
            in.compact();
            return status;
        }

        private static int indexOfBlankLine(byte[] bytes, int filled) {
            for (int i = 0; i + 3 < filled; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private static int contentLength(byte[] bytes, int headerEnd) throws IOException {
            for (int line = 0; line < headerEnd; ) {
                if (startsWithIgnoreCase(bytes, line, CONTENT_LENGTH)) {
                    int value = 0;
                    for (int i = line + CONTENT_LENGTH.length; i < headerEnd && bytes[i] != '\r'; i++) {
                        if (bytes[i] >= '0' && bytes[i] <= '9') {
                            value = value * 10 + (bytes[i] - '0');
                        }
                    }
                    return value;
                }
                while (line < headerEnd && bytes[line] != '\n') {
                    line++;
                }
                line++;
            }
            throw new IOException("a response without Content-Length: "
                    + new String(bytes, 0, headerEnd, java.nio.charset.StandardCharsets.ISO_8859_1));
        }

        private static boolean startsWithIgnoreCase(byte[] bytes, int at, byte[] lowerPrefix) {
            for (int i = 0; i < lowerPrefix.length; i++) {
                if (at + i >= bytes.length || Character.toLowerCase(bytes[at + i]) != lowerPrefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Latencies of one run, in a growing array; nothing when not recording. */
    private static final class Latencies {
        private final boolean recording;
        private long[] values;
        private int size;

        Latencies(boolean recording) {
            this.recording = recording;
            this.values = new long[recording ? 1 << 16 : 0];
        }

        void add(long nanos) {
            if (!recording) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
