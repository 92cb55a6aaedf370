package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.compile;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.policy.PolicyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoolConditionTest {

    private static final String MFA = "aws:MultiFactorAuthPresent";

    @Test
    void compilesToBoolCondition() {
        assertThat(compile("Bool", MFA, "true")).isInstanceOf(BoolCondition.class);
    }

    @ParameterizedTest(name = "policy {0}, request {1} -> {2}")
    @CsvSource({
        "true,  true,  true",
        "true,  false, false",
        "false, false, true",
        "false, true,  false",
        "TRUE,  true,  true",
        "True,  tRuE,  true",
        "false, FALSE, true",
        "FaLsE, false, true",
    })
    void boolComparesWithoutCaseOnBothSides(String policy, String request, boolean expected) {
        assertThat(compile("Bool", MFA, policy).test(keys(MFA, request))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "0", "", " true", "true ", "t", "truee"})
    void otherPolicyValuesNeverMatch(String policy) {
        assertThat(compile("Bool", MFA, policy).test(keys(MFA, policy))).isFalse();
        assertThat(compile("Bool", MFA, policy).test(keys(MFA, "true"))).isFalse();
        assertThat(compile("Bool", MFA, policy).test(keys(MFA, "false"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "", " true", "null"})
    void nonBooleanRequestValueMatchesNothing(String request) {
        assertThat(compile("Bool", MFA, "true", "false").test(keys(MFA, request))).isFalse();
    }

    @Test
    void severalPolicyValuesAreOred() {
        CompiledCondition c = compile("Bool", MFA, "true", "false");
        assertThat(c.test(keys(MFA, "true"))).isTrue();
        assertThat(c.test(keys(MFA, "false"))).isTrue();
    }

    @Test
    void absentKeyIsFalse() {
        assertThat(compile("Bool", MFA, "false").test(TestKeys.none())).isFalse();
        assertThat(compile("Bool", MFA, "true").test(TestKeys.none())).isFalse();
    }

    @Test
    void mfaSeedConditionDeniesOnlyWithoutMfa() {
        // The seed policy's Deny: BoolIfExists aws:MultiFactorAuthPresent false.
        CompiledCondition c = compile("BoolIfExists", MFA, "false");
        assertThat(c.test(keys(MFA, "false"))).isTrue();
        assertThat(c.test(keys(MFA, "true"))).isFalse();
        assertThat(c.test(TestKeys.none())).isTrue();
    }

    @Test
    void variablesAreResolvedAndMustReadTrueOrFalse() {
        CompiledCondition c = compile("Bool", "aws:SecureTransport", "${aws:PrincipalTag/secure}");
        assertThat(c.test(keys("aws:SecureTransport", "true").with("aws:PrincipalTag/secure", "TRUE"))).isTrue();
        assertThat(c.test(keys("aws:SecureTransport", "true").with("aws:PrincipalTag/secure", "false"))).isFalse();
        assertThat(c.test(keys("aws:SecureTransport", "true"))).isFalse();
        assertThat(c.test(keys("aws:SecureTransport", "yes").with("aws:PrincipalTag/secure", "yes"))).isFalse();
        CompiledCondition literal =
                compile(PolicyVersion.UNSPECIFIED, "Bool", "aws:SecureTransport", "${aws:PrincipalTag/secure}");
        assertThat(literal.test(keys("aws:SecureTransport", "true").with("aws:PrincipalTag/secure", "true")))
                .isFalse();
    }
}
