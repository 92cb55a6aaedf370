package dev.iamgate.internal.condition;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.TextValue;
import java.util.Locale;

/**
 * Null: {@code "true"} holds when the key is absent (no value, or an empty list), {@code "false"}
 * when it is present; the values are OR'ed and read without case; any other value never holds.
 *
 * <p>{@code ForAllValues:Null} and {@code ForAnyValue:Null} (flagged by the validator) are
 * evaluated as plain Null, as iam-simulate does: the qualifier is ignored rather than turning the
 * check into "always true"/"always false". {@code IfExists} cannot be written with Null
 * ({@code NullIfExists} does not parse); should a model carry it anyway, it is ignored too.
 */
public final class NullCondition implements CompiledCondition {

    private final ConditionOperator operator;
    private final String lowerCaseKey;
    private final boolean whenAbsent;
    private final boolean whenPresent;

    NullCondition(Condition source) {
        this.operator = source.operator();
        this.lowerCaseKey = source.key().text().toLowerCase(Locale.ROOT).intern();
        boolean absent = false;
        boolean present = false;
        for (TextValue value : source.values()) {
            absent |= "true".equalsIgnoreCase(value.text());
            present |= "false".equalsIgnoreCase(value.text());
        }
        this.whenAbsent = absent;
        this.whenPresent = present;
    }

    @Override
    public boolean test(RequestKeys keys) {
        return keys.values(lowerCaseKey).isEmpty() ? whenAbsent : whenPresent;
    }

    @Override
    public ConditionOperator operator() {
        return operator;
    }

    @Override
    public String toString() {
        return operator.jsonName() + " " + lowerCaseKey;
    }
}
