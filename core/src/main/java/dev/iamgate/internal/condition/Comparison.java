package dev.iamgate.internal.condition;

import dev.iamgate.policy.OperatorType;

/**
 * The ordering test of a Numeric or Date operator, applied as {@code request OP policy}. The
 * negated operators (NumericNotEquals, DateNotEquals) use {@link #EQUAL}; negation is applied by
 * {@link KeyedCondition}.
 */
enum Comparison {
    EQUAL,
    LESS_THAN,
    LESS_THAN_EQUALS,
    GREATER_THAN,
    GREATER_THAN_EQUALS;

    /** Whether a three-way comparison result {@code compare(request, policy)} passes. */
    boolean accepts(int compare) {
        return switch (this) {
            case EQUAL -> compare == 0;
            case LESS_THAN -> compare < 0;
            case LESS_THAN_EQUALS -> compare <= 0;
            case GREATER_THAN -> compare > 0;
            case GREATER_THAN_EQUALS -> compare >= 0;
        };
    }

    static Comparison of(OperatorType type) {
        return switch (type) {
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, DATE_EQUALS, DATE_NOT_EQUALS -> EQUAL;
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> LESS_THAN;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> LESS_THAN_EQUALS;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> GREATER_THAN;
            case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> GREATER_THAN_EQUALS;
            default -> throw new IllegalArgumentException("not a Numeric or Date operator: " + type);
        };
    }
}
