package dev.iamgate.internal.condition;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.TextValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * NumericEquals, NumericNotEquals, NumericLessThan, NumericLessThanEquals, NumericGreaterThan and
 * NumericGreaterThanEquals, compared as exact decimals ({@code 1.0} equals {@code 1}) with the
 * request value on the left: {@code NumericLessThan {"s3:max-keys": "10"}} holds for 5.
 *
 * <p>Number syntax: see {@link Decimals}. An unparsable policy value never matches; an unparsable
 * request value matches no policy value, and a negated operator is false when any value on
 * either side does not parse. No policy
 * variables (IAM does not substitute them in Numeric values).
 */
public final class NumericCondition extends KeyedCondition implements CompiledCondition {

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private final Comparison comparison;
    private final Operand[] operands;
    private final boolean everyPolicyValueParsed;

    NumericCondition(Condition source) {
        super(source);
        this.comparison = Comparison.of(source.operator().type());
        List<Operand> compiled = new ArrayList<>(source.values().size());
        for (TextValue value : source.values()) {
            BigDecimal number = Decimals.parse(value.text());
            if (number != null) {
                compiled.add(Operand.of(number));
            }
        }
        this.operands = compiled.toArray(new Operand[0]);
        this.everyPolicyValueParsed = operands.length == source.values().size();
    }

    @Override
    boolean negationUndecidable(String requestValue) {
        return !everyPolicyValueParsed
                || (!Decimals.isSmallInteger(requestValue) && Decimals.parse(requestValue) == null);
    }

    @Override
    boolean matchesAny(String requestValue, RequestKeys keys) {
        if (Decimals.isSmallInteger(requestValue)) {
            long request = Decimals.parseSmallInteger(requestValue);
            for (Operand operand : operands) {
                if (comparison.accepts(operand.compareFrom(request))) {
                    return true;
                }
            }
            return false;
        }
        BigDecimal request = Decimals.parse(requestValue);
        if (request == null) {
            return false;
        }
        for (Operand operand : operands) {
            if (comparison.accepts(request.compareTo(operand.exact()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A policy number, with what an integer request value needs to be compared to it without
     * allocating: its floor when the number lies within the range of a long.
     *
     * @param exact the number
     * @param floor the largest long not above {@code exact}, when {@code beyondLong} is 0
     * @param integral whether {@code exact} equals {@code floor}
     * @param beyondLong 1 above the long range, -1 below it, 0 within
     */
    private record Operand(BigDecimal exact, long floor, boolean integral, int beyondLong) {

        static Operand of(BigDecimal exact) {
            // compareTo looks at magnitudes first, so this stays cheap even for 1e999999999.
            if (exact.compareTo(LONG_MAX) > 0) {
                return new Operand(exact, 0, false, 1);
            }
            if (exact.compareTo(LONG_MIN) < 0) {
                return new Operand(exact, 0, false, -1);
            }
            if (exact.abs().compareTo(BigDecimal.ONE) < 0) {
                // Avoids setScale on a tiny number like 1e-999999999, which would be costly.
                int signum = exact.signum();
                return new Operand(exact, signum < 0 ? -1 : 0, signum == 0, 0);
            }
            // Here 1 <= |exact| <= 2^63, so its scale is bounded by its own digit count.
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            return new Operand(exact, floor.longValueExact(), floor.compareTo(exact) == 0, 0);
        }

        /** The sign of {@code request - exact}. */
        int compareFrom(long request) {
            if (beyondLong != 0) {
                return -beyondLong;
            }
            if (integral) {
                return Long.compare(request, floor);
            }
            // floor < exact < floor + 1, and request is an integer.
            return request <= floor ? -1 : 1;
        }
    }
}
