package dev.iamgate.eval;

import java.util.List;
import java.util.Objects;

/**
 * How one statement whose action matched fared against a request: enough for a person to see
 * what to change.
 *
 * @param statement the statement
 * @param resourceMatched whether Resource/NotResource matched
 * @param principalMatched whether Principal/NotPrincipal matched (always true outside resource-based policies)
 * @param conditions each condition's result, in document order (empty when the statement has none)
 * @param applies whether the statement applied (everything matched and every condition held)
 */
public record StatementTrace(
        StatementRef statement,
        boolean resourceMatched,
        boolean principalMatched,
        List<ConditionTrace> conditions,
        boolean applies) {

    public StatementTrace {
        Objects.requireNonNull(statement, "statement");
        conditions = List.copyOf(conditions);
    }

    /** The conditions that did not hold. */
    public List<ConditionTrace> failedConditions() {
        return conditions.stream().filter(c -> !c.satisfied()).toList();
    }
}
