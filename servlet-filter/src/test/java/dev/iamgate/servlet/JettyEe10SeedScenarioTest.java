package dev.iamgate.servlet;

import dev.iamgate.servlet.testing.DemoJetty;
import dev.iamgate.servlet.testing.DemoServlets;
import dev.iamgate.servlet.testing.SeedScenarioContract;

/** The seed scenario and the bypass payloads on Jetty 12 ee10 (Servlet 6.0). */
class JettyEe10SeedScenarioTest extends SeedScenarioContract {

    private DemoJetty jetty;

    @Override
    protected int start(DemoServlets servlets, IamGateFilter filter) throws Exception {
        jetty = DemoJetty.start(servlets, filter);
        return jetty.port();
    }

    @Override
    protected void stop() throws Exception {
        jetty.close();
    }
}
