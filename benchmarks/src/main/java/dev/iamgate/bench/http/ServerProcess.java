package dev.iamgate.bench.http;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BenchServer} in a JVM of its own, on this JVM's class path: started, asked for its CPU
 * time, signed in to, and stopped. Its standard error goes to a log file.
 */
final class ServerProcess implements AutoCloseable {

    private final ServerMode mode;
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final int port;

    private ServerProcess(ServerMode mode, Process process) throws IOException {
        this.mode = mode;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.US_ASCII);
        this.port = Integer.parseInt(answer("port "));
    }

    static ServerProcess start(ServerMode mode, List<String> jvmArgs, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchServer.class.getName());
        command.add(mode.name());
        File logFile = log.toFile();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(logFile)).start();
        try {
            return new ServerProcess(mode, process);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw new IOException("the " + mode + " server did not start; see " + logFile, e);
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /**
     * What the server process has spent so far.
     *
     * @param cpuNanos CPU time of all its threads: Jetty, the filter, GC and JIT
     * @param jitMillis time its JIT compilers spent (wall time of the compiler threads)
     * @param requestThreadsCpuNanos CPU time of Jetty's request threads alone (no JIT, no GC)
     */
    record Spent(long cpuNanos, long jitMillis, long requestThreadsCpuNanos) {}

    Spent spent() throws IOException {
        in.println("cpu");
        String[] figures = answer("cpu ").split(" ");
        return new Spent(Long.parseLong(figures[0]), Long.parseLong(figures[1]), Long.parseLong(figures[2]));
    }

    /**
     * Signs alice in with MFA and returns the session cookie ({@code JSESSIONID=...}) the server
     * set last (recording MFA rotates the session id).
     */
    String signIn() throws IOException {
        try (Socket socket = new Socket(address().getAddress(), port)) {
            OutputStream request = socket.getOutputStream();
            request.write(("POST " + BenchServer.LOGIN_PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream response = socket.getInputStream();
            String text = new String(response.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.1 200")) {
                throw new IOException("signing in to the " + mode + " server failed: " + text);
            }
            String cookie = null;
            for (String line : text.split("\r\n")) {
                if (line.regionMatches(true, 0, "Set-Cookie: JSESSIONID=", 0, 23)) {
                    int end = line.indexOf(';');
                    cookie = line.substring("Set-Cookie: ".length(), end < 0 ? line.length() : end);
                }
            }
            if (cookie == null) {
                throw new IOException("the " + mode + " server set no session cookie: " + text);
            }
            return cookie;
        }
    }

    private String answer(String prefix) throws IOException {
        StringBuilder other = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
            other.append(line).append('\n'); // the JVM reports a failed start on standard output
        }
        throw new IOException("the " + mode + " server exited: " + other);
    }

    @Override
    public void close() throws IOException {
        in.println("stop");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
