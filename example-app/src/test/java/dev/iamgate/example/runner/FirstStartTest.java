package dev.iamgate.example.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.iam.Account;
import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.TestApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start on an empty database seeds the account; later starts keep what is there. */
class FirstStartTest {

    @Test
    void theFirstStartCreatesAliceBobAndAdminWithTheirPoliciesAndRandomPasswordsShownOnce(@TempDir Path data)
            throws Exception {
        Map<String, String> passwords;
        try (TestApp app = TestApp.start(data, TestApp.LENIENT, Optional.empty())) {
            passwords = app.app.seeded().orElseThrow();
            assertThat(passwords.keySet()).containsExactly("alice", "bob", "admin");
            assertThat(passwords.values()).doesNotHaveDuplicates()
                    .allSatisfy(password -> assertThat(password).hasSize(20));
            assertThat(app.query("SELECT user_name, policy_name FROM user_policies ORDER BY user_name")).containsExactly(
                    List.of("admin", "AdministratorAccess"), List.of("alice", "mfa-self-manage"),
                    List.of("bob", "mfa-self-manage"));
            assertThat(app.query("SELECT policy_document FROM user_policies WHERE user_name = 'alice'").get(0).get(0))
                    .isEqualTo(TestApp.resource("/seed-policy.json"));
            ApiClient admin = app.signIn("admin", passwords.get("admin"));
            assertThat(admin.get("/api/users").json().path("Users").size()).isEqualTo(3);
            assertThat(admin.get("/api/users/alice").json().path("User").path("Arn").asString())
                    .isEqualTo("arn:aws:iam::" + Account.DEFAULT_ID + ":user/alice");
        }

        try (TestApp again = TestApp.start(data, TestApp.LENIENT, Optional.empty())) {
            assertThat(again.app.seeded()).isEmpty();
            assertThat(again.query("SELECT COUNT(*) FROM users")).containsExactly(List.of("3"));
            again.signIn("alice", passwords.get("alice"));
        }
    }

    @Test
    void thePasswordFromTheEnvironmentIsUsedAndNotShown(@TempDir Path data) throws Exception {
        try (TestApp app = TestApp.start(data)) {
            assertThat(app.app.seeded()).contains(Map.of());
            app.signIn("bob", TestApp.PASSWORD);
        }
    }

    @Test
    void everyRouteOfTheMappingHasAHandlerAndEveryHandlerARoute(@TempDir Path data) throws Exception {
        List<String> mapped = new java.util.ArrayList<>();
        tools.jackson.databind.JsonNode routes = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(TestApp.resource("/iam-routes.json")).path("routes");
        for (tools.jackson.databind.JsonNode route : routes) {
            if (!route.path("path").asString().startsWith("/api/")) {
                continue;
            }
            mapped.add(route.path("method").asString() + " " + route.path("path").asString());
        }
        try (TestApp app = TestApp.start(data)) {
            assertThat(app.app.routes()).containsExactlyInAnyOrderElementsOf(mapped);
        }
    }
}
