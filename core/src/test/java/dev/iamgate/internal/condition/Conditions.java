package dev.iamgate.internal.condition;

import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.policy.TextValue;
import java.util.Arrays;

/** Builds model conditions the way the parser would, and compiles them. */
final class Conditions {

    private Conditions() {}

    /** {@code operator} exactly as written in a policy, e.g. {@code ForAnyValue:StringLike}. */
    static Condition condition(String operator, String key, String... values) {
        return new Condition(
                ConditionOperator.parse(operator).orElseThrow(() -> new IllegalArgumentException(operator)),
                TextValue.of(key),
                Arrays.stream(values).map(TextValue::of).toList(),
                SourceLocation.UNKNOWN);
    }

    /** Compiled under Version 2012-10-17. */
    static CompiledCondition compile(String operator, String key, String... values) {
        return compile(PolicyVersion.V2012_10_17, operator, key, values);
    }

    static CompiledCondition compile(PolicyVersion version, String operator, String key, String... values) {
        return CompiledCondition.compile(condition(operator, key, values), version);
    }
}
