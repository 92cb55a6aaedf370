package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.compile;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A plain operator (no ForAllValues/ForAnyValue) on a key with several values is false, whatever
 * the values, for positive and negated operators, with or without IfExists.
 */
class MultipleRequestValuesWithoutQualifierTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "StringEquals,        a",
        "StringEqualsIfExists, a",
        "StringLike,          *",
        "StringNotEquals,     zzz",
        "StringNotLikeIfExists, zzz",
        "NumericLessThan,     100",
        "DateGreaterThan,     1900-01-01",
        "Bool,                true",
        "IpAddress,           0.0.0.0/0",
        "NotIpAddress,        192.0.2.0/24",
        "ArnNotLike,          arn:aws:s3:::b",
    })
    void multipleValuesWithoutQualifierAreFalse(String operator, String policy) {
        CompiledCondition c = compile(operator, "k", policy);
        String satisfying = switch (operator.replace("IfExists", "")) {
            case "NumericLessThan" -> "1";
            case "DateGreaterThan" -> "2024-01-01";
            case "Bool" -> "true";
            case "IpAddress", "NotIpAddress" -> "10.0.0.1";
            case "ArnNotLike" -> "arn:aws:s3:::other";
            default -> "a";
        };
        assertThat(c.test(keys("k", satisfying))).as("one value satisfies it").isTrue();
        assertThat(c.test(keys("k", satisfying, satisfying))).isFalse();
    }

    @Test
    void oneElementListIsASingleValue() {
        assertThat(compile("StringEquals", "aws:RequestedRegion", "us-east-1", "eu-west-1")
                        .test(keys("aws:RequestedRegion", "eu-west-1")))
                .isTrue();
    }

    @Test
    void qualifiedOperatorsStillSeeEveryValue() {
        assertThat(compile("ForAnyValue:StringEquals", "k", "a").test(keys("k", "a", "a"))).isTrue();
        assertThat(compile("ForAllValues:StringEquals", "k", "a").test(keys("k", "a", "a"))).isTrue();
    }

    @Test
    void nullOnlyAsksWhetherTheKeyIsPresent() {
        assertThat(compile("Null", "k", "false").test(keys("k", "a", "b"))).isTrue();
        assertThat(compile("Null", "k", "true").test(keys("k", "a", "b"))).isFalse();
    }
}
