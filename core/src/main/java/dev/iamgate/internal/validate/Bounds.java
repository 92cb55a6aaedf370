package dev.iamgate.internal.validate;

import dev.iamgate.policy.Condition;
import dev.iamgate.policy.OperatorFamily;
import dev.iamgate.policy.OperatorType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The interval of values that ordered comparisons (Numeric or Date, single literal values) leave
 * for one key, to find comparisons that exclude every value.
 *
 * @param <T> the value type, ordered by the comparator
 */
final class Bounds<T> {

    private final Comparator<T> order;
    private T lower;
    private boolean lowerInclusive;
    private String lowerBy;
    private T upper;
    private boolean upperInclusive;
    private String upperBy;
    private final List<T> excluded = new ArrayList<>();
    private String excludedBy;

    Bounds(Comparator<T> order) {
        this.order = order;
    }

    /**
     * Applies the conditions of {@code family} with one value that parses, and says why no value
     * is left, or returns null.
     */
    String read(List<Condition> conditions, OperatorFamily family, Predicate<String> parses,
            Function<String, T> value) {
        for (Condition condition : conditions) {
            OperatorType type = condition.operator().type();
            if (type.family() != family || condition.values().size() != 1
                    || !parses.test(condition.values().get(0).text())) {
                continue;
            }
            T v = value.apply(condition.values().get(0).text());
            String by = UnreachableStatementCheck.describe(condition);
            switch (type) {
                case NUMERIC_LESS_THAN, DATE_LESS_THAN -> upper(v, false, by);
                case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> upper(v, true, by);
                case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> lower(v, false, by);
                case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> lower(v, true, by);
                case NUMERIC_EQUALS, DATE_EQUALS -> {
                    upper(v, true, by);
                    lower(v, true, by);
                }
                case NUMERIC_NOT_EQUALS, DATE_NOT_EQUALS -> {
                    excluded.add(v);
                    excludedBy = by;
                }
                default -> { }
            }
        }
        return empty();
    }

    private void upper(T v, boolean inclusive, String by) {
        int c = upper == null ? 1 : order.compare(upper, v);
        if (c > 0 || (c == 0 && !inclusive)) {
            upper = v;
            upperInclusive = inclusive;
            upperBy = by;
        }
    }

    private void lower(T v, boolean inclusive, String by) {
        int c = lower == null ? -1 : order.compare(lower, v);
        if (c < 0 || (c == 0 && !inclusive)) {
            lower = v;
            lowerInclusive = inclusive;
            lowerBy = by;
        }
    }

    private String empty() {
        if (lower == null || upper == null) {
            return null;
        }
        int c = order.compare(lower, upper);
        if (c > 0 || (c == 0 && !(lowerInclusive && upperInclusive))) {
            return lowerBy.equals(upperBy) ? null : upperBy + " and " + lowerBy + " leave no value";
        }
        if (c == 0) {
            for (T x : excluded) {
                if (order.compare(x, lower) == 0) {
                    return lowerBy + " and " + excludedBy + " leave no value";
                }
            }
        }
        return null;
    }
}
