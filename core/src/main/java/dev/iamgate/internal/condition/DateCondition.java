package dev.iamgate.internal.condition;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.TextValue;
import java.util.Arrays;

/**
 * DateEquals, DateNotEquals, DateLessThan, DateLessThanEquals, DateGreaterThan and
 * DateGreaterThanEquals: instants compared to the microsecond, request value on the left.
 *
 * <p>Policy and request values are read the same way ({@link DateParser}): ISO 8601 dates and
 * times, or integers meaning epoch seconds, so {@code DateLessThan {"aws:CurrentTime":
 * "1749990600"}} compares an ISO request time with an epoch policy value. An unparsable policy
 * value never matches; an unparsable request value matches no policy value, and DateNotEquals is
 * false when a value on either side does not parse. No policy variables.
 */
public final class DateCondition extends KeyedCondition implements CompiledCondition {

    private final Comparison comparison;
    /** The parsable policy values, in microseconds since the epoch. */
    private final long[] instants;
    private final boolean everyPolicyValueParsed;

    DateCondition(Condition source) {
        super(source);
        this.comparison = Comparison.of(source.operator().type());
        long[] parsed = new long[source.values().size()];
        int count = 0;
        for (TextValue value : source.values()) {
            long micros = DateParser.parseMicros(value.text());
            if (micros != DateParser.INVALID) {
                parsed[count++] = micros;
            }
        }
        this.instants = Arrays.copyOf(parsed, count);
        this.everyPolicyValueParsed = count == parsed.length;
    }

    @Override
    boolean negationUndecidable(String requestValue) {
        return !everyPolicyValueParsed || DateParser.parseMicros(requestValue) == DateParser.INVALID;
    }

    @Override
    boolean matchesAny(String requestValue, RequestKeys keys) {
        long request = DateParser.parseMicros(requestValue);
        if (request == DateParser.INVALID) {
            return false;
        }
        for (long instant : instants) {
            if (comparison.accepts(Long.compare(request, instant))) {
                return true;
            }
        }
        return false;
    }
}
