package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.compile;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArnConditionTest {

    private static final String ARN = "aws:PrincipalArn";
    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final String APP_ROLE = "arn:aws:iam::123456789012:role/app-role";

    @Test
    void compilesToArnCondition() {
        assertThat(compile("ArnLike", ARN, ALICE)).isInstanceOf(ArnCondition.class);
        assertThat(compile("ArnNotEquals", ARN, ALICE)).isInstanceOf(ArnCondition.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ArnEquals", "ArnLike"})
    void arnEqualsAndArnLikeAreTheSameGlob(String operator) {
        CompiledCondition c = compile(operator, ARN, "arn:aws:iam::123456789012:user/*");
        assertThat(c.test(keys(ARN, ALICE))).isTrue();
        assertThat(c.test(keys(ARN, APP_ROLE))).isFalse();
        assertThat(compile(operator, ARN, "arn:aws:iam::*:user/al?ce").test(keys(ARN, ALICE))).isTrue();
        assertThat(compile(operator, ARN, ALICE).test(keys(ARN, ALICE))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ArnNotEquals", "ArnNotLike"})
    void arnNotEqualsAndArnNotLikeAreTheNegation(String operator) {
        CompiledCondition c = compile(operator, ARN, "arn:aws:iam::123456789012:user/*");
        assertThat(c.test(keys(ARN, ALICE))).isFalse();
        assertThat(c.test(keys(ARN, APP_ROLE))).isTrue();
        assertThat(c.test(keys(ARN, "arn:aws:iam::999988887777:user/alice"))).isTrue();
    }

    @Test
    void arnMatchingIsCaseSensitive() {
        assertThat(compile("ArnEquals", ARN, ALICE).test(keys(ARN, "arn:aws:iam::123456789012:user/Alice")))
                .isFalse();
        assertThat(compile("ArnLike", ARN, "arn:aws:IAM::123456789012:user/*").test(keys(ARN, ALICE))).isFalse();
    }

    @Test
    void wildcardStaysInsideItsArnPartUnlikeStringLike() {
        // The brief's example (section 1.5).
        String pattern = "arn:aws:svc:*:111122223333:finance/*";
        String value = "arn:aws:svc:us-east-2:999999999999:store/abc:111122223333:finance/d.txt";
        assertThat(compile("StringLike", "aws:SourceArn", pattern).test(keys("aws:SourceArn", value))).isTrue();
        assertThat(compile("ArnLike", "aws:SourceArn", pattern).test(keys("aws:SourceArn", value))).isFalse();
        assertThat(compile("ArnNotLike", "aws:SourceArn", pattern).test(keys("aws:SourceArn", value))).isTrue();
    }

    @Test
    void variablesAreSubstitutedInArnValues() {
        CompiledCondition c = compile("ArnEquals", ARN, "arn:aws:iam::123456789012:user/${aws:username}");
        assertThat(c.test(keys(ARN, ALICE).with("aws:username", "alice"))).isTrue();
        assertThat(c.test(keys(ARN, ALICE).with("aws:username", "bob"))).isFalse();
    }

    @Test
    void unresolvableVariableExcludesThatValue() {
        String own = "arn:aws:iam::123456789012:user/${aws:username}";
        assertThat(compile("ArnLike", ARN, own).test(keys(ARN, ALICE))).isFalse();
        assertThat(compile("ArnNotLike", ARN, own).test(keys(ARN, ALICE))).isTrue();
        assertThat(compile("ArnNotLike", ARN, own, ALICE).test(keys(ARN, ALICE))).isFalse();
    }

    @Test
    void requestValueThatIsNotAnArnMatchesNothingAndIsNotDifferentEither() {
        assertThat(compile("ArnLike", ARN, "*:*:*:*:*:*").test(keys(ARN, "alice"))).isFalse();
        assertThat(compile("ArnNotLike", ARN, "*:*:*:*:*:*").test(keys(ARN, "alice"))).isFalse();
    }

    @Test
    void absentKeyFailsPositiveAndPassesNegatedOperators() {
        assertThat(compile("ArnLike", ARN, "arn:*:*:*:*:*").test(TestKeys.none())).isFalse();
        assertThat(compile("ArnNotEquals", ARN, ALICE).test(TestKeys.none())).isTrue();
    }
}
