package dev.iamgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** AWS's "manage your own credentials, with MFA" policy, the one the demo application uses. */
class MfaSelfManagePolicyTest {

    private static final String RESOURCE = "/policies/mfa-self-manage-policy.json";
    private static final String NAME = "mfa-self-manage-policy.json";

    private static Policy policy;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = MfaSelfManagePolicyTest.class.getResourceAsStream(RESOURCE)) {
            policy =
                    PolicyParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), NAME);
        }
    }

    @Test
    void hasNineStatementsWithTheirSids() {
        assertThat(policy.name()).isEqualTo(NAME);
        assertThat(policy.version()).isEqualTo(PolicyVersion.V2012_10_17);
        assertThat(policy.statements())
                .extracting(statement -> statement.sid().orElseThrow())
                .containsExactly(
                        "AllowViewAccountInfo",
                        "AllowManageOwnPasswords",
                        "AllowManageOwnAccessKeys",
                        "AllowManageOwnSigningCertificates",
                        "AllowManageOwnSSHPublicKeys",
                        "AllowManageOwnGitCredentials",
                        "AllowManageOwnVirtualMFADevice",
                        "AllowManageOwnUserMFA",
                        "DenyAllExceptListedIfNoMFA");
    }

    @Test
    void allowsEightTimesThenDenies() {
        assertThat(policy.statements())
                .extracting(Statement::effect)
                .containsExactly(
                        Effect.ALLOW,
                        Effect.ALLOW,
                        Effect.ALLOW,
                        Effect.ALLOW,
                        Effect.ALLOW,
                        Effect.ALLOW,
                        Effect.ALLOW,
                        Effect.ALLOW,
                        Effect.DENY);
    }

    @Test
    void resourcesUseTheUsernameVariable() {
        assertThat(policy.statements().get(1).resource().orElseThrow().patterns())
                .extracting(TextValue::text)
                .containsExactly("arn:aws:iam::*:user/${aws:username}");
    }

    @Test
    void denyStatementListsTheActionsAllowedWithoutMfa() {
        Statement deny = policy.statements().get(8);

        assertThat(deny.action().negated()).isTrue();
        assertThat(deny.action().patterns())
                .extracting(TextValue::text)
                .containsExactly(
                        "iam:ChangePassword",
                        "iam:CreateVirtualMFADevice",
                        "iam:EnableMFADevice",
                        "iam:GetUser",
                        "iam:ListMFADevices",
                        "iam:ListVirtualMFADevices",
                        "iam:ResyncMFADevice",
                        "sts:GetSessionToken");
        assertThat(deny.resource().orElseThrow().patterns())
                .extracting(TextValue::text)
                .containsExactly("*");
    }

    @Test
    void denyStatementAppliesWhenMfaIsAbsentOrFalse() {
        Condition condition = policy.statements().get(8).conditions().get(0);

        assertThat(policy.statements().get(8).conditions()).hasSize(1);
        assertThat(condition.operator())
                .isEqualTo(new ConditionOperator(SetQualifier.NONE, OperatorType.BOOL, true));
        assertThat(condition.key().text()).isEqualTo("aws:MultiFactorAuthPresent");
        assertThat(condition.values()).extracting(TextValue::text).containsExactly("false");
    }

    @Test
    void locationsPointIntoTheFile() {
        Statement first = policy.statements().get(0);
        Statement deny = policy.statements().get(8);
        String conditionPointer = "/Statement/8/Condition/BoolIfExists/aws:MultiFactorAuthPresent";

        assertThat(first.location()).isEqualTo(new SourceLocation("/Statement/0", 4, 9));
        assertThat(first.action().patterns().get(2).location())
                .isEqualTo(new SourceLocation("/Statement/0/Action/2", 10, 17));
        assertThat(deny.location()).isEqualTo(new SourceLocation("/Statement/8", 89, 9));
        assertThat(deny.action().location())
                .isEqualTo(new SourceLocation("/Statement/8/NotAction", 92, 26));
        assertThat(deny.action().patterns().get(7).location())
                .isEqualTo(new SourceLocation("/Statement/8/NotAction/7", 100, 17));
        assertThat(deny.conditions().get(0).location())
                .isEqualTo(new SourceLocation(conditionPointer, 105, 21));
        assertThat(deny.conditions().get(0).values().get(0).location())
                .isEqualTo(new SourceLocation(conditionPointer, 105, 51));
    }

    @Test
    void readsTheSameFromAReader() throws IOException {
        try (Reader reader =
                new InputStreamReader(
                        MfaSelfManagePolicyTest.class.getResourceAsStream(RESOURCE),
                        StandardCharsets.UTF_8)) {
            assertThat(PolicyParser.parse(reader, NAME)).isEqualTo(policy);
        }
    }

    @Test
    void everyParsedStringHasALocation() {
        List<TextValue> texts =
                policy.statements().stream()
                        .flatMap(statement -> statement.action().patterns().stream())
                        .toList();

        assertThat(texts).allSatisfy(text -> assertThat(text.location().line()).isPositive());
    }
}
