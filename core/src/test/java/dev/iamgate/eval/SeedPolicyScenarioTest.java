package dev.iamgate.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.policy.PolicyParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AWS example policy "allow MFA-authenticated IAM users to manage their own credentials"
 * (../shared/seed), over every MFA state (present, "false", absent as with long-term keys), three
 * resources (the caller, another user, the caller's MFA device) and every action it lists plus a
 * few it does not. The expectation is written from the policy's documented intent, statement by
 * statement, independently of the evaluator.
 */
class SeedPolicyScenarioTest {

    private static final String ACCOUNT = "123456789012";
    private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    private static final String BOB = "arn:aws:iam::" + ACCOUNT + ":user/bob";
    private static final String ALICE_MFA = "arn:aws:iam::" + ACCOUNT + ":mfa/alice";

    /** AllowViewAccountInfo: on any resource. */
    private static final Set<String> VIEW = Set.of(
            "iam:GetAccountPasswordPolicy", "iam:GetAccountSummary", "iam:ListVirtualMFADevices");
    /** AllowManageOwn*: on the caller's own user only. */
    private static final Set<String> OWN_USER = Set.of(
            "iam:ChangePassword", "iam:GetUser",
            "iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys", "iam:UpdateAccessKey",
            "iam:DeleteSigningCertificate", "iam:ListSigningCertificates", "iam:UpdateSigningCertificate",
            "iam:UploadSigningCertificate",
            "iam:DeleteSSHPublicKey", "iam:GetSSHPublicKey", "iam:ListSSHPublicKeys", "iam:UpdateSSHPublicKey",
            "iam:UploadSSHPublicKey",
            "iam:CreateServiceSpecificCredential", "iam:DeleteServiceSpecificCredential",
            "iam:ListServiceSpecificCredentials", "iam:ResetServiceSpecificCredential",
            "iam:UpdateServiceSpecificCredential",
            "iam:DeactivateMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice");
    /** AllowManageOwnVirtualMFADevice: on the caller's own MFA device only. */
    private static final Set<String> OWN_MFA_DEVICE = Set.of("iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice");
    /** DenyAllExceptListedIfNoMFA: the NotAction list, still possible without MFA. */
    private static final Set<String> WITHOUT_MFA = Set.of(
            "iam:ChangePassword", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser",
            "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken");
    private static final List<String> NOT_LISTED = List.of(
            "iam:CreateUser", "iam:DeleteUser", "iam:ListUsers", "iam:PutUserPolicy", "s3:GetObject",
            "sts:GetSessionToken", "ec2:RunInstances");

    private static final PolicySet SEED = PolicySet.ofIdentityPolicies(PolicyParser.parse(seedPolicy(), "seed"));

    static Stream<Arguments> matrix() {
        List<String> actions = new ArrayList<>();
        actions.addAll(VIEW);
        actions.addAll(OWN_USER);
        actions.addAll(OWN_MFA_DEVICE);
        actions.addAll(NOT_LISTED);
        List<Arguments> cases = new ArrayList<>();
        for (Optional<String> mfa : List.of(Optional.of("true"), Optional.of("false"), Optional.<String>empty())) {
            for (String resource : List.of(ALICE, BOB, ALICE_MFA)) {
                for (String action : actions.stream().sorted().distinct().toList()) {
                    cases.add(Arguments.of(mfa, resource, action));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "MFA {0}, {2} on {1}")
    @MethodSource("matrix")
    void usersManageOnlyTheirOwnCredentialsAndNothingElseWithoutMfa(Optional<String> mfa, String resource, String action) {
        RequestContext.Builder request = RequestContext.builder()
                .principal(ALICE).action(action).resource(resource).key("aws:username", "alice");
        mfa.ifPresent(value -> request.key("aws:MultiFactorAuthPresent", value));

        assertThat(SEED.evaluate(request.build()).outcome()).isEqualTo(expected(mfa, resource, action));
    }

    private static Outcome expected(Optional<String> mfa, String resource, String action) {
        boolean mfaMissing = mfa.map("false"::equals).orElse(true); // BoolIfExists: absent counts as false
        if (mfaMissing && !WITHOUT_MFA.contains(action)) {
            return Outcome.EXPLICIT_DENY;
        }
        boolean allowed = VIEW.contains(action)
                || (OWN_USER.contains(action) && resource.equals(ALICE))
                || (OWN_MFA_DEVICE.contains(action) && resource.equals(ALICE_MFA));
        return allowed ? Outcome.ALLOW : Outcome.IMPLICIT_DENY;
    }

    static String seedPolicy() {
        try (InputStream in = Objects.requireNonNull(
                SeedPolicyScenarioTest.class.getResourceAsStream("/policies/mfa-self-manage-policy.json"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
