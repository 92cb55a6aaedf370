package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.condition;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.OperatorType;
import dev.iamgate.policy.PolicyVersion;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompiledConditionTest {

    @ParameterizedTest
    @EnumSource(OperatorType.class)
    void everyOperatorCompilesToItsFamilyClass(OperatorType type) {
        Condition source = condition(type.jsonName(), "k", "v");
        CompiledCondition compiled = CompiledCondition.compile(source, PolicyVersion.V2012_10_17);
        Class<?> expected = switch (type.family()) {
            case STRING -> StringCondition.class;
            case NUMERIC -> NumericCondition.class;
            case DATE -> DateCondition.class;
            case BOOL -> BoolCondition.class;
            case BINARY -> BinaryCondition.class;
            case IP_ADDRESS -> IpAddressCondition.class;
            case ARN -> ArnCondition.class;
            case NULL -> NullCondition.class;
        };
        assertThat(compiled).isExactlyInstanceOf(expected);
        assertThat(compiled.operator()).isEqualTo(source.operator());
        assertThat(compiled.toString()).contains(type.jsonName(), "k");
    }

    @Test
    void compiledConditionsAreIndependentOfTheRequest() {
        CompiledCondition c = Conditions.compile("StringEquals", "aws:username", "${aws:PrincipalTag/login}");
        assertThat(c.test(keys("aws:username", "a").with("aws:PrincipalTag/login", "a"))).isTrue();
        assertThat(c.test(keys("aws:username", "a").with("aws:PrincipalTag/login", "b"))).isFalse();
        assertThat(c.test(keys("aws:username", "b").with("aws:PrincipalTag/login", "b"))).isTrue();
    }

    @Test
    void hotPathDoesNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        // HashMap lookups of pinned lists: the keys themselves allocate nothing.
        TestKeys pinned = keys("s", "red")
                .with("n", "3599")
                .with("d", "2024-05-06T07:08:09.123Z")
                .with("e", "1714979289")
                .with("b", "TRUE")
                .with("ip4", "203.0.113.77")
                .with("ip6", "2001:db8:1234:5678::abcd")
                .with("z", "x");
        CompiledCondition[] conditions = {
            Conditions.compile("StringEquals", "S", "blue", "red"),
            Conditions.compile("StringNotEqualsIgnoreCase", "s", "BLUE", "RED"),
            Conditions.compile("NumericLessThan", "n", "3600"),
            Conditions.compile("NumericGreaterThan", "n", "1.5"),
            Conditions.compile("DateLessThan", "d", "2025-01-01T00:00:00Z"),
            Conditions.compile("DateGreaterThan", "e", "1704067200"),
            Conditions.compile("BoolIfExists", "b", "true"),
            Conditions.compile("IpAddress", "ip4", "203.0.113.0/24", "2001:db8::/32"),
            Conditions.compile("NotIpAddress", "ip6", "10.0.0.0/8", "2001:db8:1234:5678::/64"),
            Conditions.compile("Null", "z", "false"),
            Conditions.compile("ForAnyValue:StringEquals", "z", "x"),
        };
        boolean[] expected = {true, false, true, true, true, true, true, true, false, true, true};
        int rounds = 20_000;
        for (int i = 0; i < rounds; i++) {
            run(conditions, pinned, expected);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < rounds; i++) {
            run(conditions, pinned, expected);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // One allocation per test() would be >= 16 bytes x 11 x 20,000; allow measuring noise.
        assertThat(allocated).isLessThan(64 * 1024);
    }

    private static void run(CompiledCondition[] conditions, RequestKeys keys, boolean[] expected) {
        for (int c = 0; c < conditions.length; c++) {
            if (conditions[c].test(keys) != expected[c]) {
                throw new AssertionError(conditions[c]);
            }
        }
    }
}
