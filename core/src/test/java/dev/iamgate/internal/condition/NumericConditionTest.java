package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.compile;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumericConditionTest {

    private static final String KEY = "s3:max-keys";

    private static boolean test(String operator, String policy, String request) {
        return compile(operator, KEY, policy).test(keys(KEY, request));
    }

    @Test
    void compilesToNumericCondition() {
        assertThat(compile("NumericLessThan", KEY, "1")).isInstanceOf(NumericCondition.class);
    }

    @ParameterizedTest(name = "{0} policy {1}, request {2} -> {3}")
    @CsvSource({
        "NumericEquals,            10, 10, true",
        "NumericEquals,            10, 5,  false",
        "NumericNotEquals,         10, 10, false",
        "NumericNotEquals,         10, 5,  true",
        "NumericLessThan,          10, 5,  true",
        "NumericLessThan,          10, 10, false",
        "NumericLessThan,          10, 15, false",
        "NumericLessThanEquals,    10, 10, true",
        "NumericLessThanEquals,    10, 11, false",
        "NumericGreaterThan,       10, 15, true",
        "NumericGreaterThan,       10, 10, false",
        "NumericGreaterThan,       10, 5,  false",
        "NumericGreaterThanEquals, 10, 10, true",
        "NumericGreaterThanEquals, 10, 9,  false",
    })
    void requestValueIsOnTheLeftOfTheComparison(String operator, String policy, String request, boolean expected) {
        assertThat(test(operator, policy, request)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource({"1.0, 1", "1, 1.000", "1.50, 1.5", "0.5, .5", "5, 5.", "1e3, 1000", "1E+3, 1000.0",
        "-0, 0", "+5, 5", "007, 7", "2.5e-1, 0.25", "-1.5, -1.50"})
    void numericComparesAsDecimals(String policy, String request) {
        assertThat(test("NumericEquals", policy, request)).isTrue();
        assertThat(test("NumericEquals", request, policy)).isTrue();
        assertThat(test("NumericNotEquals", policy, request)).isFalse();
    }

    @Test
    void integerRequestComparesExactlyWithFractionalPolicyValue() {
        assertThat(test("NumericLessThan", "1.5", "1")).isTrue();
        assertThat(test("NumericLessThan", "1.5", "2")).isFalse();
        assertThat(test("NumericEquals", "1.5", "1")).isFalse();
        assertThat(test("NumericEquals", "1.5", "2")).isFalse();
        assertThat(test("NumericGreaterThan", "-1.5", "-1")).isTrue();
        assertThat(test("NumericGreaterThan", "-1.5", "-2")).isFalse();
        assertThat(test("NumericLessThanEquals", "0.5", "0")).isTrue();
        assertThat(test("NumericGreaterThanEquals", "-0.5", "0")).isTrue();
        assertThat(test("NumericLessThan", "-0.5", "0")).isFalse();
        assertThat(test("NumericLessThan", "123456789012345678.5", "123456789012345678")).isTrue();
        assertThat(test("NumericGreaterThan", "123456789012345678.5", "123456789012345679")).isTrue();
    }

    @Test
    void fractionalRequestComparesExactlyWithIntegerPolicyValue() {
        assertThat(test("NumericLessThan", "3600", "3599.999")).isTrue();
        assertThat(test("NumericLessThan", "3600", "3600.001")).isFalse();
        assertThat(test("NumericEquals", "3600", "3600.000")).isTrue();
    }

    @Test
    void numbersBeyondLongRangeCompareExactly() {
        assertThat(test("NumericGreaterThan", "9223372036854775807", "9223372036854775808")).isTrue();
        assertThat(test("NumericLessThan", "-9223372036854775808", "-9223372036854775809")).isTrue();
        assertThat(test("NumericLessThan", "1e30", "5")).isTrue();
        assertThat(test("NumericGreaterThan", "-1e30", "5")).isTrue();
        assertThat(test("NumericGreaterThan", "1e19", "99999999999999999999")).isTrue();
        assertThat(test("NumericEquals", "100000000000000000000000000001", "100000000000000000000000000001"))
                .isTrue();
        assertThat(test("NumericEquals", "100000000000000000000000000001", "100000000000000000000000000002"))
                .isFalse();
    }

    @Test
    void extremeExponentsStayCheap() {
        assertThat(test("NumericGreaterThan", "1e-999999999", "0")).isFalse();
        assertThat(test("NumericLessThan", "1e-999999999", "0")).isTrue();
        assertThat(test("NumericGreaterThan", "1e999999999", "5")).isFalse();
        assertThat(test("NumericLessThan", "5", "-1e999999999")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 5", "5 ", "0x10", "NaN", "Infinity", "-Infinity", "five", "1,000", "1_000",
        "--1", "+-1", "1e", "1e+", ".", "-.", "1.2.3", "e5", "1e99999999999", "${aws:username}"})
    void unparsablePolicyValueNeverMatches(String policy) {
        assertThat(compile("NumericEquals", KEY, policy).test(keys(KEY, "5"))).isFalse();
        assertThat(compile("NumericLessThan", KEY, policy).test(keys(KEY, "5"))).isFalse();
        assertThat(compile("NumericGreaterThan", KEY, policy).test(keys(KEY, "5"))).isFalse();
        assertThat(compile("NumericEquals", KEY, policy, "5").test(keys(KEY, "5"))).isTrue();
        // Negated: an unparsable value leaves "different" undecided, so the operator is false.
        assertThat(compile("NumericNotEquals", KEY, policy).test(keys(KEY, "5"))).isFalse();
        assertThat(compile("NumericNotEquals", KEY, policy, "5").test(keys(KEY, "5"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 5", "5 ", "0x10", "NaN", "Infinity", "five", "1,000", "--1", "1e", "1e99999999999"})
    void unparsableRequestValueMatchesNoPolicyValue(String request) {
        assertThat(compile("NumericEquals", KEY, "5").test(keys(KEY, request))).isFalse();
        assertThat(compile("NumericLessThan", KEY, "5").test(keys(KEY, request))).isFalse();
        assertThat(compile("NumericGreaterThanEquals", KEY, "5").test(keys(KEY, request))).isFalse();
        assertThat(compile("NumericNotEquals", KEY, "5").test(keys(KEY, request))).isFalse();
    }

    @Test
    void severalPolicyValuesAreOred() {
        CompiledCondition c = compile("NumericLessThan", KEY, "1.5", "10");
        assertThat(c.test(keys(KEY, "5"))).isTrue();
        assertThat(c.test(keys(KEY, "10"))).isFalse();
    }

    @Test
    void absentKeyFailsAllButNotEquals() {
        assertThat(compile("NumericEquals", KEY, "1").test(TestKeys.none())).isFalse();
        assertThat(compile("NumericLessThan", KEY, "1").test(TestKeys.none())).isFalse();
        assertThat(compile("NumericNotEquals", KEY, "1").test(TestKeys.none())).isTrue();
    }

    @Test
    void conformanceCorpusCases() {
        assertThat(test("NumericEquals", "1.5", "7200")).isFalse();
        assertThat(test("NumericLessThanEquals", "1.5", "0")).isTrue();
        assertThat(test("NumericLessThan", "100", "100")).isFalse();
        assertThat(test("NumericGreaterThanEquals", "3600", "0")).isFalse();
    }

    @ParameterizedTest(name = "{0} is not a number")
    @CsvSource({"١, 1", "1١, 11", "1e١, 10", "١.5, 1.5"})
    void onlyAsciiDigitsAreNumbersThoughJavaReadsOthers(String written, String asciiValue) {
        // BigDecimal would read Arabic-Indic digits; the policy grammar does not.
        assertThat(test("NumericEquals", asciiValue, written)).isFalse();
        assertThat(test("NumericEquals", written, asciiValue)).isFalse();
        assertThat(test("NumericNotEquals", asciiValue, written)).isFalse();
    }
}
