package dev.iamgate.example.runner;

import dev.iamgate.example.api.ApiServlet;
import dev.iamgate.example.api.Router;
import dev.iamgate.example.web.CredentialsFilter;
import dev.iamgate.example.web.CsrfFilter;
import dev.iamgate.example.web.SecurityHeadersFilter;
import dev.iamgate.example.web.SessionStamps;
import dev.iamgate.servlet.IamGateFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.SessionTrackingMode;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The embedded Jetty 12 (ee10) server: the API at {@code /api/*} and the page's static files from
 * the class path folder {@code web/} at {@code /}, behind, in order, the security headers, the
 * header-credentials check, the CSRF check and the iamgate filter.
 */
final class ExampleServer {

    /** Sessions end after this long without a request. */
    private static final int SESSION_IDLE_SECONDS = 60 * 60;
    static final String SESSION_COOKIE = "IAMGATE_SESSION";

    private ExampleServer() {}

    static Server create(String host, int port, Router router, CredentialsFilter credentials, SessionStamps sessionStamps,
            IamGateFilter iamgate) {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        configureSessions(context.getSessionHandler());
        context.setBaseResource(ResourceFactory.of(context).newClassLoaderResource("web/", false));
        context.setWelcomeFiles(new String[] {"index.html"});

        addFilter(context, new SecurityHeadersFilter());
        addFilter(context, credentials);
        // only the API reads a session's rights; the page and its assets are public
        context.addFilter(new FilterHolder(sessionStamps), "/api/*", EnumSet.of(DispatcherType.REQUEST));
        addFilter(context, new CsrfFilter());
        // every dispatch that runs a path, forwards and includes too (see IamGateFilter.dispatcherTypes)
        context.addFilter(new FilterHolder(iamgate), "/*", IamGateFilter.dispatcherTypes());

        context.addServlet(new ServletHolder("api", new ApiServlet(router)), "/api/*");
        ServletHolder files = new ServletHolder("files", DefaultServlet.class);
        files.setInitParameter("dirAllowed", "false");
        files.setInitParameter("redirectWelcome", "false");
        files.setInitParameter("welcomeServlets", "false");
        context.addServlet(files, "/");
        org.eclipse.jetty.ee10.servlet.ErrorHandler contextErrors = new org.eclipse.jetty.ee10.servlet.ErrorHandler();
        contextErrors.setShowStacks(false);
        contextErrors.setShowMessageInTitle(false);
        context.setErrorHandler(contextErrors);
        server.setHandler(context);
        return server;
    }

    /**
     * Session cookies: HttpOnly (no script reads them), SameSite=Strict (no cross-site request carries
     * them), Secure whenever the request came over TLS, and never a session id in a URL.
     */
    private static void configureSessions(SessionHandler sessions) {
        sessions.setSessionCookie(SESSION_COOKIE);
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setSecureRequestOnly(true);
        sessions.setMaxInactiveInterval(SESSION_IDLE_SECONDS);
        sessions.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
    }

    private static void addFilter(ServletContextHandler context, Filter filter) {
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
    }
}
