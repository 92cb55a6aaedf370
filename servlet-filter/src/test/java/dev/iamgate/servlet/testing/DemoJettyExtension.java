package dev.iamgate.servlet.testing;

import dev.iamgate.servlet.IamGateFilter;
import dev.iamgate.servlet.IamGateSettings;
import dev.iamgate.servlet.Mode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a fresh {@link DemoJetty} around each test, behind the seed policy for everyone and a
 * mapping file, enforcing: {@code @RegisterExtension final DemoJettyExtension jetty = DemoJettyExtension.seedScenario();}.
 */
public final class DemoJettyExtension implements BeforeEachCallback, AfterEachCallback {

    private final String mapping;
    private DemoServlets servlets;
    private DemoJetty jetty;

    private DemoJettyExtension(String mapping) {
        this.mapping = mapping;
    }

    /** With the example app's routes, as {@link SeedScenarioContract}. */
    public static DemoJettyExtension seedScenario() {
        return withMapping("classpath:/routing/example-app-routes.json");
    }

    /** With the routes of {@code mapping}, a mapping-file location as the settings take it. */
    public static DemoJettyExtension withMapping(String mapping) {
        return new DemoJettyExtension(mapping);
    }

    /** The seed policy for everyone, the routes of {@code mapping}, enforcing. */
    static IamGateFilter seedPolicyFilter(String mapping) {
        return IamGateFilter.builder(new IamGateSettings("classpath:/e2e/policies", Optional.of(mapping),
                DemoServlets.ACCOUNT, Mode.ENFORCE, List.of(), List.of(), 1_000, Duration.ofSeconds(2),
                Optional.empty())).build();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        servlets = new DemoServlets();
        jetty = DemoJetty.start(servlets, seedPolicyFilter(mapping));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        jetty.close();
    }

    public int port() {
        return jetty.port();
    }

    /** What the protected servlet served, in order ({@link DemoServlets#served}). */
    public List<String> served() {
        return servlets.served;
    }

    /** A client without a session. */
    public RawHttp anonymous() {
        return new RawHttp(jetty.port());
    }

    /** {@link DemoJetty#signedInWithMfa}. */
    public RawHttp signedInWithMfa(String user) {
        return jetty.signedInWithMfa(user);
    }
}
