package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.compile;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.testing.CpuBound;
import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The set-operator truth table of the brief, section 2.3, for policy values [A, B]. */
class SetQualifierTest {

    private static final String TAGS = "aws:TagKeys";

    /** A null request set means the key is absent. */
    static Stream<Arguments> truthTable() {
        String[] absent = null;
        String[] empty = {};
        String[] a = {"A"};
        String[] ac = {"A", "C"};
        String[] cd = {"C", "D"};
        return Stream.of(
                // request set, ForAllValues:StringEquals, ForAnyValue:StringEquals,
                // ForAllValues:StringNotEquals, ForAnyValue:StringNotEquals
                Arguments.of("absent", absent, true, false, true, false),
                Arguments.of("[]", empty, true, false, true, false),
                Arguments.of("{A}", a, true, true, false, false),
                Arguments.of("{A,C}", ac, false, true, false, true),
                Arguments.of("{C,D}", cd, false, false, true, true));
    }

    @ParameterizedTest(name = "request {0}")
    @MethodSource("truthTable")
    void reproducesTheTruthTable(
            String name, String[] request, boolean allEquals, boolean anyEquals, boolean allNotEquals,
            boolean anyNotEquals) {
        TestKeys keys = request == null ? TestKeys.none() : keys(TAGS, request);
        assertThat(compile("ForAllValues:StringEquals", TAGS, "A", "B").test(keys)).isEqualTo(allEquals);
        assertThat(compile("ForAnyValue:StringEquals", TAGS, "A", "B").test(keys)).isEqualTo(anyEquals);
        assertThat(compile("ForAllValues:StringNotEquals", TAGS, "A", "B").test(keys)).isEqualTo(allNotEquals);
        assertThat(compile("ForAnyValue:StringNotEquals", TAGS, "A", "B").test(keys)).isEqualTo(anyNotEquals);
    }

    @Test
    void forAllValuesRequiresEveryRequestValueToMatch() {
        CompiledCondition c = compile("ForAllValues:StringEquals", TAGS, "env", "team");
        assertThat(c.test(keys(TAGS, "team", "env"))).isTrue();
        assertThat(c.test(keys(TAGS, "team", "env", "cost"))).isFalse();
        assertThat(compile("ForAllValues:StringLike", TAGS, "en*", "team").test(keys(TAGS, "env", "cost")))
                .isFalse();
    }

    @Test
    void forAnyValueNeedsOneMatchingRequestValue() {
        CompiledCondition c = compile("ForAnyValue:StringLike", TAGS, "en*", "team");
        assertThat(c.test(keys(TAGS, "env", "cost"))).isTrue();
        assertThat(c.test(keys(TAGS, "COST", "OWNER"))).isFalse();
    }

    @Test
    void absentKeyMakesForAllValuesTrueAndForAnyValueFalseForEveryFamily() {
        String[][] conditions = {
            {"NumericLessThan", "1"}, {"DateLessThan", "2024-01-01"}, {"Bool", "true"}, {"BinaryEquals", "QQ=="},
            {"IpAddress", "10.0.0.0/8"}, {"NotIpAddress", "10.0.0.0/8"}, {"ArnLike", "arn:*:*:*:*:*"},
            {"StringNotLike", "*"},
        };
        for (String[] c : conditions) {
            assertThat(compile("ForAllValues:" + c[0], "k", c[1]).test(TestKeys.none())).as(c[0]).isTrue();
            assertThat(compile("ForAnyValue:" + c[0], "k", c[1]).test(TestKeys.none())).as(c[0]).isFalse();
        }
    }

    @Test
    void singleValuedKeyIsAOneElementSet() {
        assertThat(compile("ForAnyValue:StringEquals", "aws:username", "alice").test(keys("aws:username", "alice")))
                .isTrue();
        assertThat(compile("ForAllValues:StringEquals", "aws:username", "alice").test(keys("aws:username", "bob")))
                .isFalse();
    }

    @Test
    void qualifiersApplyToEveryFamily() {
        assertThat(compile("ForAllValues:NumericLessThan", "k", "10").test(keys("k", "1", "9"))).isTrue();
        assertThat(compile("ForAllValues:NumericLessThan", "k", "10").test(keys("k", "1", "10"))).isFalse();
        assertThat(compile("ForAnyValue:IpAddress", "k", "10.0.0.0/8").test(keys("k", "1.1.1.1", "10.0.0.1")))
                .isTrue();
        assertThat(compile("ForAllValues:IpAddress", "k", "10.0.0.0/8").test(keys("k", "1.1.1.1", "10.0.0.1")))
                .isFalse();
        assertThat(compile("ForAnyValue:DateGreaterThan", "k", "2024-01-01")
                        .test(keys("k", "2023-01-01", "2025-01-01")))
                .isTrue();
        assertThat(compile("ForAnyValue:ArnLike", "k", "arn:aws:iam::*:role/*")
                        .test(keys("k", "arn:aws:iam::1:user/a", "arn:aws:iam::1:role/r")))
                .isTrue();
    }

    /**
     * IAM User Guide, "Creating a condition that tests multiple key values (set operations)"
     * (May 2023): ForAllValues "also returns true if there is no matching key in the request, or if
     * the key values resolve to an empty data set, such as an empty string"; ForAnyValue: "For no
     * matching key or an empty data set, the condition returns false." A key whose only value is
     * the empty string is such an empty data set, for every operator behind the qualifier.
     */
    @Test
    void keyValuesThatAreOnlyEmptyStringsAreAnEmptyDataSetForTheQualifiers() {
        assertThat(compile("ForAllValues:StringEquals", TAGS, "A", "B").test(keys(TAGS, ""))).isTrue();
        assertThat(compile("ForAllValues:StringLike", TAGS, "en*").test(keys(TAGS, "", ""))).isTrue();
        assertThat(compile("ForAllValues:NumericLessThan", "k", "10").test(keys("k", ""))).isTrue();
        assertThat(compile("ForAnyValue:StringEquals", TAGS, "").test(keys(TAGS, ""))).isFalse();
        assertThat(compile("ForAnyValue:StringLike", TAGS, "*").test(keys(TAGS, ""))).isFalse();
        assertThat(compile("ForAnyValue:StringNotEquals", TAGS, "A").test(keys(TAGS, ""))).isFalse();
        // a set with one non-empty value is not empty
        assertThat(compile("ForAnyValue:StringLike", TAGS, "*").test(keys(TAGS, "", "a"))).isTrue();
        assertThat(compile("ForAllValues:StringEquals", TAGS, "a").test(keys(TAGS, "", "b"))).isFalse();
        // the plain operators are not set operations: the empty string is a value there
        assertThat(compile("StringEquals", "k", "").test(keys("k", ""))).isTrue();
        assertThat(compile("StringLike", "k", "*").test(keys("k", ""))).isTrue();
    }

    @Test
    void conformanceCorpusCases() {
        assertThat(compile("ForAllValues:StringEqualsIgnoreCase", TAGS, "team").test(keys(TAGS, "OWNER"))).isFalse();
        assertThat(compile("ForAllValues:StringNotLike", TAGS, "en*", "team").test(TestKeys.none())).isTrue();
        assertThat(compile("ForAnyValue:StringNotLike", TAGS, "en*", "team").test(TestKeys.none())).isFalse();
        assertThat(compile("ForAnyValue:StringEquals", "aws:CalledVia", "cloudformation.amazonaws.com")
                        .test(TestKeys.none()))
                .isFalse();
    }

    /**
     * Found by fuzzing: a policy variable was substituted (and the glob compiled) once per request
     * value, so many values and a long substitution cost their product. It is substituted once
     * per decision now, for every family whose values take variables.
     */
    @Test
    void manyRequestValuesAndALongVariableStayLinear() {
        String name = "u".repeat(50_000);
        String[] values = IntStream.range(0, 5_000).mapToObj(i -> name.substring(0, 8) + "/" + i).toArray(String[]::new);
        TestKeys keys = keys(TAGS, values).with("aws:username", name);

        CpuBound.within(Duration.ofSeconds(2), () -> {
            assertThat(compile("ForAnyValue:StringLike", TAGS, "${aws:username}/*").test(keys)).isFalse();
            assertThat(compile("ForAllValues:StringNotLike", TAGS, "${aws:username}/*").test(keys)).isTrue();
            assertThat(compile("ForAnyValue:StringEquals", TAGS, "${aws:username}/1").test(keys)).isFalse();
            assertThat(compile("ForAnyValue:ArnLike", TAGS, "arn:aws:s3:::${aws:username}/*").test(keys)).isFalse();
        });
    }

    @Test
    void aVariableSubstitutedOnceStillDecidesEveryRequestValue() {
        TestKeys keys = keys(TAGS, "team/alice", "team/bob", "arn:aws:s3:::alice/x").with("aws:username", "alice");

        assertThat(compile("ForAnyValue:StringLike", TAGS, "*/${aws:username}").test(keys)).isTrue();
        assertThat(compile("ForAnyValue:StringLike", TAGS, "${aws:username}*/x").test(keys)).isFalse();
        assertThat(compile("ForAllValues:StringLike", TAGS, "team/*", "arn:*:${aws:username}/*").test(keys)).isTrue();
        assertThat(compile("ForAnyValue:StringEquals", TAGS, "team/${aws:username}").test(keys)).isTrue();
        assertThat(compile("ForAnyValue:StringEqualsIgnoreCase", TAGS, "TEAM/${aws:username}").test(keys)).isTrue();
        assertThat(compile("ForAnyValue:ArnLike", TAGS, "arn:aws:s3:::${aws:username}/*").test(keys)).isTrue();
        assertThat(compile("ForAllValues:StringNotLike", TAGS, "*${aws:username}*").test(keys)).isFalse();
        // a variable the request does not carry matches nothing, for every value
        assertThat(compile("ForAnyValue:StringLike", TAGS, "*/${aws:userid}*").test(keys)).isFalse();
        assertThat(compile("ForAllValues:StringNotLike", TAGS, "*/${aws:userid}*").test(keys)).isTrue();
        assertThat(compile("ForAnyValue:ArnLike", TAGS, "arn:aws:s3:::${aws:userid}/*", "arn:*:*:*:*:*").test(keys)).isTrue();
    }
}
