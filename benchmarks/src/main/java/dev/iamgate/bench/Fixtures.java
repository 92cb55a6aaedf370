package dev.iamgate.bench;

import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What the benchmarks share: the account and the resources copied into this module. */
final class Fixtures {

    static final String ACCOUNT = "123456789012";

    /** AWS's "manage own credentials, MFA required" policy, the project's seed. */
    static final String SEED_POLICY = "mfa-self-manage-policy.json";

    /** The example app's routes, as the servlet-filter tests use them. */
    static final String EXAMPLE_ROUTES = "example-app-routes.json";

    private Fixtures() {}

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the benchmark jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Policy seedPolicy() {
        return PolicyParser.parse(resource(SEED_POLICY), SEED_POLICY);
    }

    static String userArn(String user) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + user;
    }
}
