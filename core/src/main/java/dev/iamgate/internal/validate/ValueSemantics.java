package dev.iamgate.internal.validate;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.internal.condition.CompiledCondition;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.OperatorType;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.SetQualifier;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.policy.TextValue;

import java.util.List;

/**
 * Whether condition values parse, and how dates compare, answered by the evaluator's own
 * condition code rather than by a second parser: the validator then flags exactly the values the
 * evaluator can never match. Each question compiles a one-value condition and tests it against a
 * request that carries the value itself (a value equals itself exactly when it parses).
 */
final class ValueSemantics {

    private static final String KEY = "k";

    private ValueSemantics() {}

    /** Whether a Numeric operator can read {@code value}. */
    static boolean isNumber(String value) {
        return holds(OperatorType.NUMERIC_EQUALS, value, value);
    }

    /** Whether a Date operator can read {@code value} (ISO 8601 or epoch seconds). */
    static boolean isDate(String value) {
        return holds(OperatorType.DATE_EQUALS, value, value);
    }

    /** Whether BinaryEquals can decode {@code value}. */
    static boolean isBase64(String value) {
        return holds(OperatorType.BINARY_EQUALS, value, value);
    }

    /** Whether IpAddress can read {@code value} as an address or CIDR range. */
    static boolean isIpRange(String value) {
        int slash = value.indexOf('/');
        return holds(OperatorType.IP_ADDRESS, value, slash < 0 ? value : value.substring(0, slash));
    }

    /** Whether {@code value} is an integer, which Date operators read as epoch seconds. */
    static boolean isEpochSeconds(String value) {
        int start = value.startsWith("-") ? 1 : 0;
        if (start == value.length()) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Compares two dates that both {@linkplain #isDate parse}. */
    static int compareDates(String a, String b) {
        if (holds(OperatorType.DATE_LESS_THAN, b, a)) {
            return -1;
        }
        return holds(OperatorType.DATE_EQUALS, b, a) ? 0 : 1;
    }

    /** Whether {@code type} with the single policy value holds for the request value. */
    private static boolean holds(OperatorType type, String policyValue, String requestValue) {
        Condition condition = new Condition(
                new ConditionOperator(SetQualifier.NONE, type, false),
                TextValue.of(KEY),
                List.of(TextValue.of(policyValue)),
                SourceLocation.UNKNOWN);
        RequestKeys request = key -> key.equals(KEY) ? List.of(requestValue) : List.of();
        return CompiledCondition.compile(condition, PolicyVersion.V2012_10_17).test(request);
    }
}
