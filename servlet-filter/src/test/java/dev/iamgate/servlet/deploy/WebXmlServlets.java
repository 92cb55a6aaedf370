package dev.iamgate.servlet.deploy;

import dev.iamgate.servlet.testing.DemoServlets;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;

/**
 * The {@link DemoServlets} as classes a {@code web.xml} can name (public, no-argument
 * constructors). Each one hands every request to the matching servlet of the {@link DemoServlets}
 * that the test put in the context attribute {@link #ATTRIBUTE}, so the test still sees what the
 * protected servlet served.
 */
public final class WebXmlServlets {

    /** The context attribute holding the test's {@link DemoServlets}. */
    public static final String ATTRIBUTE = DemoServlets.class.getName();

    private WebXmlServlets() {}

    /** {@code POST /api/login}: {@link DemoServlets#login()}. */
    public static final class Login extends Delegating {
        private static final long serialVersionUID = 1L;

        @Override
        HttpServlet pick(DemoServlets servlets) {
            return servlets.login();
        }
    }

    /** {@code POST /api/login/mfa}: {@link DemoServlets#mfa()}. */
    public static final class Mfa extends Delegating {
        private static final long serialVersionUID = 1L;

        @Override
        HttpServlet pick(DemoServlets servlets) {
            return servlets.mfa();
        }
    }

    /** The protected API: {@link DemoServlets#api()}. */
    public static final class Api extends Delegating {
        private static final long serialVersionUID = 1L;

        @Override
        HttpServlet pick(DemoServlets servlets) {
            return servlets.api();
        }
    }

    abstract static class Delegating extends HttpServlet {
        private static final long serialVersionUID = 1L;

        private transient HttpServlet delegate;

        abstract HttpServlet pick(DemoServlets servlets);

        @Override
        public void init() throws ServletException {
            if (!(getServletContext().getAttribute(ATTRIBUTE) instanceof DemoServlets servlets)) {
                throw new ServletException("the test did not put its DemoServlets in the context attribute " + ATTRIBUTE);
            }
            delegate = pick(servlets);
            delegate.init(getServletConfig());
        }

        @Override
        public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
            delegate.service(request, response);
        }

        @Override
        public void destroy() {
            if (delegate != null) {
                delegate.destroy();
            }
        }
    }
}
