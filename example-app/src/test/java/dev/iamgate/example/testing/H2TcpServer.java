package dev.iamgate.example.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.tools.Server;

/**
 * A real H2 database server (TCP, on the loopback interface) that a test stops and starts again on
 * the same port, so the app connected to it sees a database that goes away and comes back. Stopping
 * it closes every session: open transactions are rolled back and the database file is closed.
 */
public final class H2TcpServer implements AutoCloseable {

    private final Path baseDirectory;
    private final int port;
    private Server server;

    private H2TcpServer(Path baseDirectory, int port) {
        this.baseDirectory = baseDirectory;
        this.port = port;
    }

    /** A server on a free port, keeping its databases in {@code baseDirectory}. */
    public static H2TcpServer start(Path baseDirectory) {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        H2TcpServer server = new H2TcpServer(baseDirectory, port);
        server.startAgain();
        return server;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of the database {@code name} on this server (created on first use). */
    public String url(String name) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + name;
    }

    /** Takes the database down: the port refuses connections, open sessions break. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Brings the database back on the same port (nothing to do if it is running). */
    public synchronized void startAgain() {
        if (server != null) {
            return;
        }
        try {
            server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", baseDirectory.toString(),
                    "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("H2 server did not start on port " + port, e);
        }
    }

    /** Runs a statement on its own connection (not the app's pool), as an operator would. */
    public void execute(String name, String sql) {
        try (Connection connection = DriverManager.getConnection(url(name));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A single number from a query, on its own connection. */
    public long count(String name, String sql) {
        try (Connection connection = DriverManager.getConnection(url(name));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
