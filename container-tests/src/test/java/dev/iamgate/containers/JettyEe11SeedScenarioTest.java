package dev.iamgate.containers;

import dev.iamgate.servlet.IamGateFilter;
import dev.iamgate.servlet.testing.DemoServlets;
import dev.iamgate.servlet.testing.SeedScenarioContract;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The seed scenario and the bypass payloads on Jetty 12 ee11 (Servlet 6.1, Jakarta EE 11). */
class JettyEe11SeedScenarioTest extends SeedScenarioContract {

    private Server server;

    @Override
    protected int start(DemoServlets servlets, IamGateFilter filter) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlets.login()), "/api/login");
        context.addServlet(new ServletHolder(servlets.mfa()), "/api/login/mfa");
        context.addServlet(new ServletHolder(servlets.api()), "/api/*");
        context.addServlet(new ServletHolder(servlets.dispatcher()), "/assets/*");
        context.addFilter(new FilterHolder(filter), "/*", IamGateFilter.dispatcherTypes());
        server.setHandler(context);
        server.start();
        return connector.getLocalPort();
    }

    @Override
    protected void stop() throws Exception {
        server.stop();
    }
}
