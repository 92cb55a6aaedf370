package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.compile;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateConditionTest {

    private static final String NOW = "aws:CurrentTime";

    private static boolean test(String operator, String policy, String request) {
        return compile(operator, NOW, policy).test(keys(NOW, request));
    }

    private static boolean sameInstant(String a, String b) {
        return test("DateEquals", a, b) && test("DateEquals", b, a);
    }

    @Test
    void compilesToDateCondition() {
        assertThat(compile("DateLessThan", NOW, "2024-01-01")).isInstanceOf(DateCondition.class);
    }

    @ParameterizedTest(name = "{0} policy {1}, request {2} -> {3}")
    @CsvSource({
        "DateEquals,            2025-06-15T12:30:00Z, 2025-06-15T12:30:00Z, true",
        "DateEquals,            2025-06-15T12:30:00Z, 2024-01-01T00:00:00Z, false",
        "DateNotEquals,         2025-06-15T12:30:00Z, 2023-03-01T08:00:00Z, true",
        "DateNotEquals,         2025-06-15T12:30:00Z, 2025-06-15T12:30:00Z, false",
        "DateLessThan,          2025-06-15T12:30:00Z, 2024-01-01T00:00:00Z, true",
        "DateLessThan,          2025-06-15T12:30:00Z, 2025-06-15T12:30:00Z, false",
        "DateLessThanEquals,    2025-06-15T12:30:00Z, 2025-06-15T12:30:00Z, true",
        "DateLessThanEquals,    2025-06-15T12:30:00Z, 2025-06-15T12:30:01Z, false",
        "DateGreaterThan,       2025-06-15T12:30:00Z, 2025-06-15T12:30:00Z, false",
        "DateGreaterThan,       2025-06-15T12:30:00Z, 2025-06-15T12:30:01Z, true",
        "DateGreaterThanEquals, 2025-06-15T12:30:00Z, 2024-01-01T00:00:00Z, false",
        "DateGreaterThanEquals, 2025-06-15T12:30:00Z, 2025-06-15T12:30:00Z, true",
    })
    void requestValueIsOnTheLeftOfTheComparison(String operator, String policy, String request, boolean expected) {
        assertThat(test(operator, policy, request)).isEqualTo(expected);
    }

    @Test
    void epochSecondsAndIsoDatesCompareAsInstants() {
        // The two documented cases of the conformance corpus (cond-0061, cond-0062).
        assertThat(test("DateLessThan", "1749990600", "2023-03-01T08:00:00Z")).isTrue();
        assertThat(compile("DateGreaterThan", "aws:EpochTime", "2023-03-01T08:00:00Z")
                        .test(keys("aws:EpochTime", "1749990600")))
                .isTrue();
        assertThat(sameInstant("1704067200", "2024-01-01T00:00:00Z")).isTrue();
        assertThat(test("DateGreaterThanEquals", "1704067200", "2024-01-01T00:00:00Z")).isTrue();
        assertThat(test("DateGreaterThan", "1704067200", "2024-01-01T00:00:00Z")).isFalse();
    }

    @Test
    void negativeEpochSecondsAreBeforeTheEpoch() {
        assertThat(sameInstant("-1", "1969-12-31T23:59:59Z")).isTrue();
        assertThat(sameInstant("0", "1970-01-01")).isTrue();
    }

    @Test
    void fourDigitIntegerIsEpochSecondsNotAYear() {
        // An all-digit text is always epoch seconds, as in iam-simulate: 2024 s = 00:33:44.
        assertThat(sameInstant("2024", "1970-01-01T00:33:44Z")).isTrue();
        assertThat(sameInstant("2024", "2024-01-01")).isFalse();
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource({
        "2024-03,                    2024-03-01T00:00:00Z",
        "2024-03-05,                 2024-03-05T00:00:00Z",
        "2024-03-05T10:20Z,          2024-03-05T10:20:00Z",
        "2024-03-05T10:20:30Z,       2024-03-05T10:20:30.000Z",
        "2024-03-05T10:20:30.5Z,     2024-03-05T10:20:30.500000Z",
        "2024-03-05T10:20+01:00,     2024-03-05T09:20:00Z",
        "2024-03-05T10:20:30-05:30,  2024-03-05T15:50:30Z",
        "2024-03-05T10:20:30+0130,   2024-03-05T08:50:30Z",
        "2024-03-05T00:30:00+01:00,  2024-03-04T23:30:00Z",
        "2024-03-05T10:20:30,        2024-03-05T10:20:30Z",
        "2024-03-05T10:20,           2024-03-05T10:20:00+00:00",
        "2024-03-05T10:20:30-00:00,  2024-03-05T10:20:30Z",
    })
    void everyW3cProfileIsAcceptedWithMissingPartsAtPeriodStart(String written, String canonical) {
        assertThat(sameInstant(written, canonical)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T12:00:00Z", "2000-02-29T00:00:00Z", "1999-12-31T23:59:59Z",
        "1970-01-01T00:00:00Z", "1969-07-20T20:17:40Z", "0000-01-01T00:00:00Z", "0001-03-01T00:00:00Z",
        "1900-03-01T00:00:00Z", "9999-12-31T23:59:59Z", "2038-01-19T03:14:08Z", "2100-02-28T10:00:00+05:00"})
    void isoDatesAgreeWithJavaTime(String iso) {
        long epochSeconds = OffsetDateTime.parse(iso).toEpochSecond();
        assertThat(sameInstant(iso, Long.toString(epochSeconds))).isTrue();
        assertThat(sameInstant(iso, Long.toString(epochSeconds + 1))).isFalse();
    }

    @Test
    void fractionDigitsAreCompared() {
        assertThat(test("DateGreaterThan", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.001Z")).isTrue();
        assertThat(test("DateGreaterThan", "2024-01-01T00:00:00.001Z", "2024-01-01T00:00:00.0011Z")).isTrue();
        assertThat(test("DateLessThan", "2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00.499999Z")).isTrue();
        assertThat(sameInstant("2024-01-01T00:00:00.1Z", "2024-01-01T00:00:00.100000000Z")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "2024-02-30", "2023-02-29", "2024-13", "2024-00", "2024-01-00",
        "2024-01-32", "2024-1-01", "24-01-01", "2024/01/01", "2024-01-01T24:00Z", "2024-01-01T10:60Z",
        "2024-01-01T10:00:60Z", "2024-01-01T10Z", "2024-01-01T10:00:00.Z", "2024-01-01 10:00Z",
        "2024-01-01t10:00Z", "2024-01-01T10:00z", " 2024-01-01", "2024-01-01 ", "2024-01-01Z",
        "2024-01-01T10:00+1", "2024-01-01T10:00+01:0", "2024-01-01T10:00+24:00", "2024-01-01T10:00UTC",
        "+1704067200", "-", "1.5", "99999999999999999999", "2024-01-01T10:00:00ZZ"})
    void unparsableDatesNeverMatch(String text) {
        // As a policy value: never matches, and DateNotEquals cannot say "different" about it.
        assertThat(compile("DateEquals", NOW, text).test(keys(NOW, text))).isFalse();
        assertThat(compile("DateLessThan", NOW, text).test(keys(NOW, "2024-01-01T00:00:00Z"))).isFalse();
        assertThat(compile("DateNotEquals", NOW, text).test(keys(NOW, "2024-01-01T00:00:00Z"))).isFalse();
        // As a request value: matches no policy value.
        assertThat(compile("DateGreaterThan", NOW, "1900-01-01").test(keys(NOW, text))).isFalse();
        assertThat(compile("DateLessThan", NOW, "9999-01-01").test(keys(NOW, text))).isFalse();
        assertThat(compile("DateNotEquals", NOW, "2024-01-01").test(keys(NOW, text))).isFalse();
    }

    @Test
    void severalPolicyValuesAreOred() {
        CompiledCondition c = compile("DateEquals", NOW, "2024-01-01", "2025-01-01");
        assertThat(c.test(keys(NOW, "2025-01-01T00:00:00Z"))).isTrue();
        assertThat(c.test(keys(NOW, "2026-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void absentKeyFailsAllButNotEquals() {
        assertThat(compile("DateLessThan", NOW, "2024-01-01").test(TestKeys.none())).isFalse();
        assertThat(compile("DateNotEquals", NOW, "2024-01-01").test(TestKeys.none())).isTrue();
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource({
        // Digits past the sixth fraction digit are ignored, so the instant is read to the microsecond.
        "2024-01-01T00:00:00.1234567Z,    2024-01-01T00:00:00.123456Z",
        "2024-03-05T10:20:30.5,           2024-03-05T10:20:30.500Z",
        "2024-03-05T10:20:30.5+01:00,     2024-03-05T09:20:30.5Z",
        "2024-01-02T00:00+23:00,          2024-01-01T01:00Z",
        "2024-01-01T00:59+00:59,          2024-01-01T00:00Z",
        "2024-01-01T00:00-23:59,          2024-01-01T23:59Z",
        // The largest epoch second whose microseconds fit a long.
        "9223372036854,                   9223372036854",
    })
    void zoneOffsetsAndFractionsAtTheirLimits(String written, String canonical) {
        assertThat(sameInstant(written, canonical)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900-02-29", "2100-02-29", "2024-01-1", "2024-01+01", "2024-01-01T10:00:5",
        "2024-01-01T10:00+00:60", "9223372036855"})
    void datesOutsideTheCalendarOrCutShortNeverMatch(String text) {
        assertThat(compile("DateEquals", NOW, text).test(keys(NOW, text))).isFalse();
        assertThat(compile("DateNotEquals", NOW, "2024-01-01").test(keys(NOW, text))).isFalse();
    }

    @Test
    void centuryYearsAreLeapOnlyEveryFourHundredYears() {
        assertThat(sameInstant("2000-02-29", "2000-03-01")).isFalse();
        assertThat(sameInstant("1900-03-01", "-2203891200")).isTrue();
        assertThat(sameInstant("2000-03-01", "951868800")).isTrue();
    }
}
