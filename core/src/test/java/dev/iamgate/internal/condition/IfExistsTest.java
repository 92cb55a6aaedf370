package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.compile;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code …IfExists}: true when the key is absent, otherwise exactly the plain operator. */
class IfExistsTest {

    @ParameterizedTest(name = "{0}IfExists {1}")
    @CsvSource({
        // operator, policy value, a request value that satisfies the plain operator, one that does not
        "StringEquals,              red,                 red,                  RED",
        "StringNotEquals,           red,                 blue,                 red",
        "StringEqualsIgnoreCase,    RED,                 red,                  blue",
        "StringNotEqualsIgnoreCase, RED,                 blue,                 red",
        "StringLike,                re*,                 red,                  blue",
        "StringNotLike,             re*,                 blue,                 red",
        "NumericEquals,             3600,                3600.0,               0",
        "NumericNotEquals,          3600,                0,                    3600",
        "NumericLessThan,           1.5,                 1,                    2",
        "NumericLessThanEquals,     3600,                3600,                 3601",
        "NumericGreaterThan,        1.5,                 7200,                 1",
        "NumericGreaterThanEquals,  3600,                3600,                 0",
        "DateEquals,                2025-06-15T12:30:00Z, 1749990600,          2024-01-01",
        "DateNotEquals,             2025-06-15T12:30:00Z, 2024-01-01,          2025-06-15T12:30Z",
        "DateLessThan,              2025-06-15T12:30:00Z, 2023-03-01T08:00:00Z, 2025-06-15T12:30:00Z",
        "DateLessThanEquals,        2025-06-15T12:30:00Z, 2025-06-15T12:30:00Z, 2026-01-01",
        "DateGreaterThan,           2025-06-15T12:30:00Z, 2026-01-01,          2024-01-01T00:00:00Z",
        "DateGreaterThanEquals,     2025-06-15T12:30:00Z, 2025-06-15T12:30:00Z, 2024-01-01",
        "Bool,                      true,                TRUE,                 false",
        "BinaryEquals,              QmluYXJ5VmFsdWVJbkJhc2U2NA==, QmluYXJ5VmFsdWVJbkJhc2U2NA, QQ==",
        "IpAddress,                 203.0.113.0/24,      203.0.113.7,          203.0.114.7",
        "NotIpAddress,              203.0.113.0/24,      10.0.0.1,             203.0.113.7",
        "ArnEquals,                 arn:aws:iam::1:user/*,     arn:aws:iam::1:user/a, arn:aws:iam::1:role/a",
        "ArnLike,                   arn:aws:iam::1:user/*,     arn:aws:iam::1:user/a, arn:aws:iam::1:role/a",
        "ArnNotEquals,              arn:aws:iam::1:user/alice, arn:aws:iam::1:role/a, arn:aws:iam::1:user/alice",
        "ArnNotLike,                arn:aws:iam::1:user/*,     arn:aws:iam::1:role/a, arn:aws:iam::1:user/a",
    })
    void ifExistsIsTrueWhenAbsentAndPlainWhenPresent(
            String operator, String policy, String satisfying, String failing) {
        CompiledCondition plain = compile(operator, "k", policy);
        CompiledCondition ifExists = compile(operator + "IfExists", "k", policy);

        assertThat(ifExists.test(TestKeys.none())).isTrue();
        assertThat(ifExists.test(keys("k"))).as("empty list is absent").isTrue();

        assertThat(plain.test(keys("k", satisfying))).isTrue();
        assertThat(ifExists.test(keys("k", satisfying))).isTrue();
        assertThat(plain.test(keys("k", failing))).isFalse();
        assertThat(ifExists.test(keys("k", failing))).isFalse();
        assertThat(ifExists.test(keys("k", satisfying, satisfying)))
                .as("several values without qualifier")
                .isEqualTo(plain.test(keys("k", satisfying, satisfying)))
                .isFalse();
    }

    @Test
    void conformanceCorpusCases() {
        assertThat(compile("StringEqualsIfExists", "t", "red").test(keys("t", "RED"))).isFalse();
        assertThat(compile("StringNotEqualsIfExists", "t", "red").test(keys("t", "red"))).isFalse();
        assertThat(compile("StringNotLikeIfExists", "t", "re*").test(TestKeys.none())).isTrue();
        assertThat(compile("NumericGreaterThanEqualsIfExists", "k", "3600").test(TestKeys.none())).isTrue();
        assertThat(compile("BoolIfExists", "aws:SecureTransport", "true").test(keys("aws:SecureTransport", "false")))
                .isFalse();
    }

    @Test
    void qualifierDecidesAbsentKeyEvenWithIfExists() {
        // The algorithm reads the qualifier first: ForAnyValue on an absent key stays false.
        assertThat(compile("ForAnyValue:StringEqualsIfExists", "aws:TagKeys", "a").test(TestKeys.none())).isFalse();
        assertThat(compile("ForAllValues:StringEqualsIfExists", "aws:TagKeys", "a").test(TestKeys.none())).isTrue();
        assertThat(compile("ForAnyValue:StringEqualsIfExists", "aws:TagKeys", "a").test(keys("aws:TagKeys", "b", "a")))
                .isTrue();
    }
}
