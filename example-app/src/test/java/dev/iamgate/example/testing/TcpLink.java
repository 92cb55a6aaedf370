package dev.iamgate.example.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link from a port of the loopback interface to another: what the app's connections to the
 * database run over in tests that cut the network. {@link #cut} breaks every open connection at
 * once, as a failed network does, mid-conversation; new connections are accepted again right away.
 */
public final class TcpLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private TcpLink(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** A link on a free port to {@code targetPort}. */
    public static TcpLink to(int targetPort) {
        try {
            TcpLink link = new TcpLink(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
            daemon("tcp-link-accept", link::accept).start();
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Breaks every connection open now, in both directions. */
    public void cut() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cut();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException refused) {
                    closeQuietly(client); // the database is down: so is the link
                    continue;
                }
                open.add(client);
                open.add(server);
                daemon("tcp-link-up", () -> pump(client, server)).start();
                daemon("tcp-link-down", () -> pump(server, client)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut or closed: end both directions below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already broken: that is the point
        }
    }
}
