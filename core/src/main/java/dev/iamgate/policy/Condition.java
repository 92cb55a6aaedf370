package dev.iamgate.policy;

import java.util.List;
import java.util.Objects;

/**
 * One operator applied to one condition key within a statement's {@code Condition} block. The
 * values are OR'ed (NOR for negated operators); the conditions of a statement are AND'ed.
 *
 * @param operator the operator
 * @param key the condition key as written (keys compare case-insensitively)
 * @param values the policy values, in document order; JSON numbers and booleans as their text
 * @param location where the key stands
 */
public record Condition(ConditionOperator operator, TextValue key, List<TextValue> values, SourceLocation location) {

    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        Objects.requireNonNull(location, "location");
    }
}
