package dev.iamgate.servlet.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.servlet.mapping.RouteDeclaration;
import dev.iamgate.servlet.mapping.RouteKind;
import dev.iamgate.servlet.mapping.RouteMatch;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example app's whole REST API (the routes table of docs/architecture.md) as a mapping file,
 * and requests against it.
 */
class ExampleAppRoutesTest {

    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";

    private static List<RouteDeclaration> declarations;
    private static RouteTable table;

    @BeforeAll
    static void readTheMappingFile() throws IOException {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                ExampleAppRoutesTest.class.getResourceAsStream("/routing/example-app-routes.json")),
                StandardCharsets.UTF_8)) {
            declarations = MappingFileReader.read(reader, "example-app-routes.json");
        }
        table = RouteTable.builder("123456789012").addAll(declarations).build();
    }

    @Test
    void everyRowOfTheTableIsMapped() {
        // 34 policy-protected method/path pairs, 4 sign-in routes, the page and its assets
        assertThat(declarations).hasSize(40);
        assertThat(declarations).filteredOn(d -> d.kind() == RouteKind.POLICY_PROTECTED).hasSize(34);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} on {3}")
    @CsvSource({
        "GET,    /api/account/summary,                                   iam:GetAccountSummary,              *",
        "GET,    /api/account/password-policy,                           iam:GetAccountPasswordPolicy,       *",
        "GET,    /api/mfa/virtual-devices,                               iam:ListVirtualMFADevices,          *",
        "POST,   /api/mfa/virtual-devices/alice,                         iam:CreateVirtualMFADevice,         arn:aws:iam::123456789012:mfa/alice",
        "DELETE, /api/mfa/virtual-devices/alice,                         iam:DeleteVirtualMFADevice,         arn:aws:iam::123456789012:mfa/alice",
        "GET,    /api/users/alice,                                       iam:GetUser,                        " + ALICE,
        "POST,   /api/users/alice/password,                              iam:ChangePassword,                 " + ALICE,
        "GET,    /api/users/alice/access-keys,                           iam:ListAccessKeys,                 " + ALICE,
        "POST,   /api/users/alice/access-keys,                           iam:CreateAccessKey,                " + ALICE,
        "PATCH,  /api/users/alice/access-keys/AKIA123,                   iam:UpdateAccessKey,                " + ALICE,
        "DELETE, /api/users/alice/access-keys/AKIA123,                   iam:DeleteAccessKey,                " + ALICE,
        "POST,   /api/users/alice/signing-certificates,                  iam:UploadSigningCertificate,       " + ALICE,
        "PATCH,  /api/users/alice/signing-certificates/CERT1,            iam:UpdateSigningCertificate,       " + ALICE,
        "GET,    /api/users/alice/ssh-public-keys/APKA1,                 iam:GetSSHPublicKey,                " + ALICE,
        "DELETE, /api/users/alice/ssh-public-keys/APKA1,                 iam:DeleteSSHPublicKey,             " + ALICE,
        "GET,    /api/users/alice/service-specific-credentials,          iam:ListServiceSpecificCredentials, " + ALICE,
        "POST,   /api/users/alice/service-specific-credentials/ACCA1/reset, iam:ResetServiceSpecificCredential, " + ALICE,
        "POST,   /api/users/alice/mfa-devices,                           iam:EnableMFADevice,                " + ALICE,
        "POST,   /api/users/alice/mfa-devices/alice/resync,              iam:ResyncMFADevice,                " + ALICE,
        "DELETE, /api/users/alice/mfa-devices/alice,                     iam:DeactivateMFADevice,            " + ALICE,
        "GET,    /api/users,                                             iam:ListUsers,                      *",
        "POST,   /api/users,                                             iam:CreateUser,                     *",
        "PUT,    /api/users/alice/policies/ReadOnly,                     iam:PutUserPolicy,                  " + ALICE,
        "GET,    /api/users/bob/access-keys,                             iam:ListAccessKeys,                 arn:aws:iam::123456789012:user/bob",
    })
    void policyProtectedRequestsMapToTheirActionAndResource(String method, String path, String action, String resource) {
        RouteMatch match = table.match(method, path).orElseThrow();

        assertThat(match.kind()).isEqualTo(RouteKind.POLICY_PROTECTED);
        assertThat(match.action()).isEqualTo(action);
        assertThat(match.resource()).isEqualTo(resource);
        assertThat(match.source()).startsWith("example-app-routes.json:");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "POST, /api/login,             PUBLIC",
        "POST, /api/login/mfa,         PUBLIC",
        "POST, /api/logout,            PUBLIC",
        "POST, /api/sts/session-token, AUTHENTICATED_ONLY",
        "GET,  /,                      PUBLIC",
        "HEAD, /assets/js/app.js,      PUBLIC",
    })
    void signInRoutesAndStaticContentAreNotPolicyProtected(String method, String path, RouteKind kind) {
        assertThat(table.match(method, path)).map(RouteMatch::kind).contains(kind);
    }

    @Test
    void pathVariablesAreReported() {
        assertThat(table.match("POST", "/api/users/alice/mfa-devices/dev-1/resync").orElseThrow().pathVariables())
                .containsEntry("user", "alice").containsEntry("serial", "dev-1");
    }

    /** The "deny" entries of security/bypass-payloads.json, as they reach routing once decoded. */
    @ParameterizedTest
    @ValueSource(strings = {
        "/api/users/alice/access-keys ",
        "/API/users/bob/access-keys",
        "/api/USERS/alice/access-keys",
        "/api/users/bob/access-keys\uFF0Fsecret",
        "/api/users/bob/access-keys/",
        "/api/users/alice/access-keys/",
        "/api/users/bob/access-keys.json",
        "/api/users/alice/access-keys#",
    })
    void bypassShapesAreUnmapped(String path) {
        assertThat(table.match("GET", path)).isEmpty();
    }

    @Test
    void otherCaseOfAUserNameIsAnotherResource() {
        // routing keeps the value as sent; the policy decides, and alice's policy does not name ALICE
        assertThat(table.match("GET", "/api/users/ALICE/access-keys")).map(RouteMatch::resource)
                .contains("arn:aws:iam::123456789012:user/ALICE");
    }

    @Test
    void methodsTheTableDoesNotListAreUnmapped() {
        assertThat(table.match("PUT", "/api/users/alice/access-keys")).isEmpty();
        assertThat(table.match("HEAD", "/api/users")).isEmpty();
        assertThat(table.match("OPTIONS", "/api/users")).isEmpty();
        assertThat(table.match("GET", "/api/users/alice/mfa-devices/dev-1")).isEmpty();
        assertThat(table.match("GET", "/api/login")).isEmpty();
    }

    @Test
    void variableValuesThatAreNotIamNamesAreUnmapped() {
        assertThat(table.match("GET", "/api/users/*/access-keys")).isEmpty();
        assertThat(table.match("POST", "/api/mfa/virtual-devices/a:b")).isEmpty();
    }
}
