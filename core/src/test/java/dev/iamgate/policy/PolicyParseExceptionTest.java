package dev.iamgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class PolicyParseExceptionTest {

    private static final SourceLocation EFFECT = new SourceLocation("/Statement/0/Effect", 4, 7);

    @Test
    void messageNamesFileLocationPointerProblemAndCheck() {
        PolicyParseException e =
                new PolicyParseException(
                        PolicyProblem.INVALID_EFFECT,
                        EFFECT,
                        "policy.json",
                        "Effect must be exactly \"Allow\" or \"Deny\", found \"allow\"");

        assertThat(e)
                .hasMessage(
                        "policy.json:4:7 (/Statement/0/Effect): Effect must be exactly \"Allow\" or"
                                + " \"Deny\", found \"allow\" [invalid-effect]");
        assertThat(e.problem()).isEqualTo(PolicyProblem.INVALID_EFFECT);
        assertThat(e.location()).isEqualTo(EFFECT);
        assertThat(e.policyName()).isEqualTo("policy.json");
        assertThat(e.detail())
                .isEqualTo("Effect must be exactly \"Allow\" or \"Deny\", found \"allow\"");
        assertThat(e).hasNoCause();
    }

    @Test
    void messageOmitsAnEmptyName() {
        PolicyParseException e =
                new PolicyParseException(
                        PolicyProblem.MISSING_STATEMENT,
                        new SourceLocation("", 1, 1),
                        "",
                        "the policy has no Statement");

        assertThat(e).hasMessage("1:1 (/): the policy has no Statement [missing-statement]");
    }

    @Test
    void keepsItsCause() {
        IllegalStateException cause = new IllegalStateException("jackson");

        PolicyParseException e =
                new PolicyParseException(PolicyProblem.JSON_SYNTAX, EFFECT, "", "bad", cause);

        assertThat(e).hasCause(cause);
    }

    @Test
    void nothingIsNull() {
        assertThatNullPointerException()
                .isThrownBy(() -> new PolicyParseException(null, EFFECT, "", "x"));
        assertThatNullPointerException()
                .isThrownBy(
                        () -> new PolicyParseException(PolicyProblem.JSON_SYNTAX, null, "", "x"));
        assertThatNullPointerException()
                .isThrownBy(
                        () ->
                                new PolicyParseException(
                                        PolicyProblem.JSON_SYNTAX, EFFECT, null, "x"));
        assertThatNullPointerException()
                .isThrownBy(
                        () ->
                                new PolicyParseException(
                                        PolicyProblem.JSON_SYNTAX, EFFECT, "", null));
    }

    @Test
    void parserExceptionsCarryThePolicyName() {
        PolicyParseException e =
                ParseAssertions.rejected(
                        "{\"Statement\": {\"Effect\": \"allow\", \"Action\": \"*\"}}");

        assertThat(e)
                .hasMessage(
                        "test.json:1:26 (/Statement/Effect): Effect must be exactly \"Allow\" or"
                                + " \"Deny\", found \"allow\" [invalid-effect]");
    }
}
