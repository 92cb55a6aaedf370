package dev.iamgate.eval;

import dev.iamgate.policy.Condition;
import java.util.List;
import java.util.Objects;

/**
 * How one condition of a statement fared against a request.
 *
 * @param condition the condition as written
 * @param satisfied whether it held
 * @param requestValues the request's values for the condition key (empty when absent)
 */
public record ConditionTrace(Condition condition, boolean satisfied, List<String> requestValues) {

    public ConditionTrace {
        Objects.requireNonNull(condition, "condition");
        requestValues = List.copyOf(requestValues);
    }
}
