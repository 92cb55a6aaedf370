package dev.iamgate.internal.condition;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.internal.match.ArnConditionPattern;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.TextValue;
import java.util.ArrayList;
import java.util.List;

/**
 * ArnEquals and ArnLike (the same operator), ArnNotEquals and ArnNotLike (its negation): each of
 * the six colon-separated ARN parts matched as a case-sensitive glob, as for the {@code Resource}
 * element, with policy variables when the version allows them. See {@link ArnConditionPattern}.
 */
public final class ArnCondition extends KeyedCondition implements CompiledCondition {

    private final ArnConditionPattern[] patterns;

    ArnCondition(Condition source, boolean variables) {
        super(source);
        List<ArnConditionPattern> compiled = new ArrayList<>(source.values().size());
        for (TextValue value : source.values()) {
            try {
                compiled.add(ArnConditionPattern.compile(value.text(), variables));
            } catch (IllegalArgumentException malformed) {
                // A malformed ${...}: the validator reports it; the value never matches.
            }
        }
        this.patterns = compiled.toArray(new ArnConditionPattern[0]);
    }

    @Override
    boolean matchesAny(String requestValue, RequestKeys keys) {
        for (ArnConditionPattern pattern : patterns) {
            if (pattern.matches(requestValue, keys)) {
                return true;
            }
        }
        return false;
    }
}
