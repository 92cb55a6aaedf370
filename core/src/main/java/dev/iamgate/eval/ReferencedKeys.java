package dev.iamgate.eval;

import dev.iamgate.internal.condition.CompiledCondition;
import dev.iamgate.internal.match.VariableKeys;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The request keys a set of policies can read, lower-cased: every condition's key and every policy
 * variable the matchers substitute (in {@code Resource}/{@code NotResource} and condition values).
 * {@code Action}, {@code Principal} and the decision logic itself read only the request's principal,
 * action and resource, which are not keys. So a key outside this set cannot change a decision, nor
 * an explanation (which shows the values of condition keys only).
 */
final class ReferencedKeys {

    private ReferencedKeys() {}

    static Set<String> of(List<Policy> policies) {
        Set<String> keys = new HashSet<>();
        for (Policy policy : policies) {
            boolean variables = policy.version().supportsVariables();
            for (Statement statement : policy.statements()) {
                if (statement.resource().isPresent()) {
                    for (TextValue pattern : statement.resource().get().patterns()) {
                        VariableKeys.inResource(pattern.text(), variables, keys);
                    }
                }
                statement.conditions().forEach(condition ->
                        CompiledCondition.collectReferencedKeys(condition, policy.version(), keys));
            }
        }
        // Set.copyOf copies through another HashSet even when empty, which most small policies' sets are
        return keys.isEmpty() ? Set.of() : Set.copyOf(keys);
    }
}
