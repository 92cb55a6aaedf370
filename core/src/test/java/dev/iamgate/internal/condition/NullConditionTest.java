package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.compile;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NullConditionTest {

    private static final String IP = "aws:SourceIp";

    @Test
    void compilesToNullCondition() {
        assertThat(compile("Null", IP, "true")).isInstanceOf(NullCondition.class);
    }

    @Test
    void nullTrueHoldsWhenKeyIsAbsent() {
        CompiledCondition c = compile("Null", IP, "true");
        assertThat(c.test(TestKeys.none())).isTrue();
        assertThat(c.test(keys(IP, "203.0.113.7"))).isFalse();
    }

    @Test
    void nullFalseHoldsWhenKeyIsPresent() {
        CompiledCondition c = compile("Null", IP, "false");
        assertThat(c.test(keys(IP, "203.0.113.7"))).isTrue();
        assertThat(c.test(keys(IP, "a", "b"))).isTrue();
        assertThat(c.test(keys(IP, ""))).isTrue();
        assertThat(c.test(TestKeys.none())).isFalse();
    }

    @Test
    void emptyValueListCountsAsAbsent() {
        assertThat(compile("Null", IP, "true").test(keys(IP))).isTrue();
        assertThat(compile("Null", IP, "false").test(keys(IP))).isFalse();
    }

    @Test
    void policyValuesAreReadWithoutCase() {
        assertThat(compile("Null", IP, "TRUE").test(TestKeys.none())).isTrue();
        assertThat(compile("Null", IP, "False").test(keys(IP, "x"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "", " true", "null"})
    void otherPolicyValuesNeverHold(String value) {
        assertThat(compile("Null", IP, value).test(TestKeys.none())).isFalse();
        assertThat(compile("Null", IP, value).test(keys(IP, "x"))).isFalse();
    }

    @Test
    void bothValuesAreOred() {
        CompiledCondition c = compile("Null", IP, "true", "false");
        assertThat(c.test(TestKeys.none())).isTrue();
        assertThat(c.test(keys(IP, "x"))).isTrue();
        assertThat(compile("Null", IP).test(TestKeys.none())).isFalse();
    }

    @Test
    void keyNameIsCaseInsensitive() {
        assertThat(compile("Null", "AWS:SourceIP", "false").test(keys("aws:sourceip", "x"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ForAllValues:Null", "ForAnyValue:Null"})
    void qualifierIsIgnored(String operator) {
        assertThat(compile(operator, "aws:TagKeys", "true").test(TestKeys.none())).isTrue();
        assertThat(compile(operator, "aws:TagKeys", "true").test(keys("aws:TagKeys", "a", "b"))).isFalse();
        assertThat(compile(operator, "aws:TagKeys", "false").test(TestKeys.none())).isFalse();
        assertThat(compile(operator, "aws:TagKeys", "false").test(keys("aws:TagKeys", "a", "b"))).isTrue();
    }
}
