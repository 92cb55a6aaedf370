package dev.iamgate.servlet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.servlet.IamGateFilter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 ee10 on a loopback port serving {@link DemoServlets} as {@link SeedScenarioContract}
 * describes, behind a filter on {@code /*} mapped for {@link IamGateFilter#dispatcherTypes()}, with
 * asynchronous dispatch allowed to the page and the filter.
 */
public final class DemoJetty implements AutoCloseable {

    private final Server server;
    private final int port;
    private final DemoServlets servlets;

    private DemoJetty(Server server, int port, DemoServlets servlets) {
        this.server = server;
        this.port = port;
        this.servlets = servlets;
    }

    public static DemoJetty start(DemoServlets servlets, IamGateFilter filter) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlets.login()), "/api/login");
        context.addServlet(new ServletHolder(servlets.mfa()), "/api/login/mfa");
        context.addServlet(new ServletHolder(servlets.api()), "/api/*");
        ServletHolder page = new ServletHolder(servlets.dispatcher());
        page.setAsyncSupported(true);
        context.addServlet(page, "/assets/*");
        FilterHolder gate = new FilterHolder(filter);
        gate.setAsyncSupported(true);
        context.addFilter(gate, "/*", IamGateFilter.dispatcherTypes());
        server.setHandler(context);
        server.start();
        return new DemoJetty(server, connector.getLocalPort(), servlets);
    }

    public int port() {
        return port;
    }

    /** A client signed in as {@code user} with MFA; what the servlets served on the way is forgotten. */
    public RawHttp signedInWithMfa(String user) {
        RawHttp client = new RawHttp(port);
        assertThat(client.post("/api/login", "user=" + user).status()).isEqualTo(200);
        assertThat(client.post("/api/login/mfa", "").status()).isEqualTo(200);
        servlets.served.clear();
        return client;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
