package dev.iamgate.example.runner;

import dev.iamgate.example.policies.InlinePolicies;
import dev.iamgate.example.policies.JdbcPolicySource;
import dev.iamgate.example.security.RandomSecrets;
import dev.iamgate.example.security.SecretHasher;
import dev.iamgate.example.store.Database;
import dev.iamgate.example.store.Sql;
import dev.iamgate.example.users.PasswordPolicy;
import dev.iamgate.example.users.Passwords;
import dev.iamgate.example.users.Users;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seeds an empty database: users alice and bob with the AWS MFA self-manage policy, and admin with
 * full access. Their initial password is {@code IAMGATE_DEMO_PASSWORD} when set, otherwise a random
 * one per user, returned so the runner prints it once (only its hash is stored). All in one
 * transaction: a second instance starting at the same time seeds nothing.
 */
final class FirstStart {

    /** Each seeded user and the inline policy it gets. */
    private record Seed(String userName, String policyName, String policyResource) {}

    private static final List<Seed> SEEDS = List.of(
            new Seed("alice", "mfa-self-manage", "seed/mfa-self-manage-policy.json"),
            new Seed("bob", "mfa-self-manage", "seed/mfa-self-manage-policy.json"),
            new Seed("admin", "AdministratorAccess", "seed/administrator-access.json"));

    private FirstStart() {}

    /**
     * Seeds the users if there are none.
     *
     * @return empty when the database had users already; else the generated passwords by user, to
     *     be shown once (none when the password came from the environment)
     */
    static Optional<Map<String, String>> seedIfEmpty(Database database, Users users, Passwords passwords, InlinePolicies policies,
            JdbcPolicySource source, SecretHasher hasher, RandomSecrets random, Optional<String> demoPassword) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        demoPassword.ifPresent(password -> {
            List<String> problems = passwords.policy().map(policy -> policy.violations(password))
                    .orElse(List.of());
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(Settings.PASSWORD_VARIABLE
                        + " does not meet the account password policy: it needs " + String.join(", ", problems));
            }
            if (password.length() > PasswordPolicy.MAXIMUM_LENGTH) {
                throw new IllegalArgumentException(Settings.PASSWORD_VARIABLE + " is too long");
            }
        });
        Map<String, String> generated = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        Map<String, String> documents = new LinkedHashMap<>();
        for (Seed seed : SEEDS) {
            String password = demoPassword.orElseGet(() -> Passwords.generate(random));
            if (demoPassword.isEmpty()) {
                generated.put(seed.userName(), password);
            }
            hashes.put(seed.userName(), hasher.hash(password));
            String document = resource(seed.policyResource());
            InlinePolicies.validate(seed.policyName(), document);
            documents.put(seed.userName(), document);
        }
        Long revision = database.transaction(connection -> {
            if (Sql.count(connection, "SELECT COUNT(*) FROM users") > 0) {
                return null;
            }
            long latest = 0;
            for (Seed seed : SEEDS) {
                users.create(connection, seed.userName());
                passwords.setInitial(connection, seed.userName(), hashes.get(seed.userName()));
                latest = policies.put(connection, seed.userName(), seed.policyName(), documents.get(seed.userName()));
            }
            return latest;
        });
        if (revision == null) {
            return Optional.empty();
        }
        source.advanceTo(revision);
        return Optional.of(generated);
    }

    private static String resource(String name) {
        try (InputStream in = FirstStart.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
