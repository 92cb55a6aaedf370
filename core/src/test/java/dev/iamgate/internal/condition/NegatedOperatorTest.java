package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.compile;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Negated operators: NOR over the policy values, and true on an absent key. */
class NegatedOperatorTest {

    @ParameterizedTest(name = "{0} [{1}, {2}]")
    @CsvSource({
        // operator, two policy values, a request value matching each, one matching neither
        "StringNotEquals,           111,         222,         111,          222,          333",
        "StringNotEqualsIgnoreCase, abc,         DEF,         ABC,          def,          ghi",
        "StringNotLike,             a*,          *z,          abc,          xyz,          mmm",
        "NumericNotEquals,          1,           2.5,         1.0,          2.50,         3",
        "DateNotEquals,             2024-01-01,  1704153600,  1704067200,   2024-01-02T00:00Z, 2024-01-03",
        "NotIpAddress,              10.0.0.0/8,  2001:db8::/32, 10.1.1.1,   2001:db8::1,  192.0.2.1",
        "ArnNotEquals,              arn:aws:s3:::a/*, arn:aws:s3:::b, arn:aws:s3:::a/1, arn:aws:s3:::b, arn:aws:s3:::c",
        "ArnNotLike,                arn:aws:s3:::a/*, arn:aws:s3:::b, arn:aws:s3:::a/1, arn:aws:s3:::b, arn:aws:s3:::c",
    })
    void negatedOperatorIsNorOverPolicyValues(
            String operator, String first, String second, String matchesFirst, String matchesSecond, String neither) {
        CompiledCondition c = compile(operator, "k", first, second);
        assertThat(c.test(keys("k", matchesFirst))).isFalse();
        assertThat(c.test(keys("k", matchesSecond))).isFalse();
        assertThat(c.test(keys("k", neither))).isTrue();
        assertThat(c.test(TestKeys.none())).as("absent key").isTrue();
        // no policy values ("k": []): false whenever the key is present, not a vacuous NOR (EmptyConditionValuesTest)
        assertThat(compile(operator, "k").test(keys("k", neither))).as("no policy values").isFalse();

        // With a multivalued key: without qualifier false, whatever the values.
        assertThat(c.test(keys("k", neither, neither))).isFalse();
        assertThat(c.test(keys("k", matchesFirst, neither))).isFalse();
        // ForAllValues: "none of the request values is in the list".
        CompiledCondition all = compile("ForAllValues:" + operator, "k", first, second);
        assertThat(all.test(keys("k", neither, neither))).isTrue();
        assertThat(all.test(keys("k", neither, matchesSecond))).isFalse();
        assertThat(all.test(TestKeys.none())).isTrue();
        // ForAnyValue: "some request value is outside the list".
        CompiledCondition any = compile("ForAnyValue:" + operator, "k", first, second);
        assertThat(any.test(keys("k", matchesFirst, neither))).isTrue();
        assertThat(any.test(keys("k", matchesFirst, matchesSecond))).isFalse();
        assertThat(any.test(TestKeys.none())).isFalse();
    }

    @Test
    void principalAccountExampleMeansNeitherValue() {
        CompiledCondition c = compile("StringNotEquals", "aws:PrincipalAccount", "111", "222");
        assertThat(c.test(keys("aws:PrincipalAccount", "111"))).isFalse();
        assertThat(c.test(keys("aws:PrincipalAccount", "222"))).isFalse();
        assertThat(c.test(keys("aws:PrincipalAccount", "333"))).isTrue();
    }

    @Test
    void conformanceCorpusCases() {
        assertThat(compile("StringNotLike", "t", "*d").test(TestKeys.none())).isTrue();
        assertThat(compile("StringNotLike", "t", "red", "blue").test(keys("t", "other"))).isTrue();
        assertThat(compile("NotIpAddress", "ip", "10.1.0.0/16").test(keys("ip", "10.2.0.1"))).isTrue();
        assertThat(compile("ArnNotEquals", "p", "arn:aws:iam::123456789012:user/alice")
                        .test(keys("p", "arn:aws:iam::999988887777:user/alice")))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "NumericNotEquals, 5,          abc,        7",
        "DateNotEquals,    2024-01-01, not-a-date, 2024-02-01",
        "NotIpAddress,     10.0.0.0/8, 10.0.0.300, 192.0.2.1",
        "ArnNotLike,       arn:aws:s3:::a/*, not-an-arn, arn:aws:s3:::b/1",
        "ArnNotEquals,     arn:aws:s3:::a/*, *, arn:aws:s3:::b/1",
    })
    void negatedNumericDateIpAndArnOperatorsAreFalseWhenAValueDoesNotParse(
            String operator, String policyValue, String unparsable, String differentValue) {
        assertThat(compile(operator, "k", policyValue).test(keys("k", differentValue))).as("both parse").isTrue();
        assertThat(compile(operator, "k", policyValue).test(keys("k", unparsable))).as("request value").isFalse();
        assertThat(compile(operator, "k", policyValue, unparsable).test(keys("k", differentValue)))
                .as("one policy value").isFalse();
        assertThat(compile(operator, "k", policyValue).test(TestKeys.none())).as("absent key").isTrue();
    }
}
