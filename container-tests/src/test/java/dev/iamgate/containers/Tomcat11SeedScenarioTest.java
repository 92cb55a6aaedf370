package dev.iamgate.containers;

import dev.iamgate.servlet.IamGateFilter;
import dev.iamgate.servlet.testing.DemoServlets;
import dev.iamgate.servlet.testing.SeedScenarioContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** The seed scenario and the bypass payloads on Tomcat 11 (Servlet 6.1, Jakarta EE 11). */
class Tomcat11SeedScenarioTest extends SeedScenarioContract {

    private Tomcat tomcat;
    private Path baseDir;

    @Override
    protected int start(DemoServlets servlets, IamGateFilter filter) throws Exception {
        baseDir = Files.createTempDirectory("tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());
        Tomcat.addServlet(context, "login", servlets.login()).addMapping("/api/login");
        Tomcat.addServlet(context, "mfa", servlets.mfa()).addMapping("/api/login/mfa");
        Tomcat.addServlet(context, "api", servlets.api()).addMapping("/api/*");
        Tomcat.addServlet(context, "page", servlets.dispatcher()).addMapping("/assets/*");
        FilterDef definition = new FilterDef();
        definition.setFilterName("iamgate");
        definition.setFilter(filter);
        context.addFilterDef(definition);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("iamgate");
        mapping.addURLPattern("/*");
        IamGateFilter.dispatcherTypes().forEach(type -> mapping.setDispatcher(type.name()));
        context.addFilterMap(mapping);
        tomcat.start();
        return connector.getLocalPort();
    }

    @Override
    protected void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
