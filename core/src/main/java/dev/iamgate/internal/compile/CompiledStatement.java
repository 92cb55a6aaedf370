package dev.iamgate.internal.compile;

import dev.iamgate.eval.ConditionTrace;
import dev.iamgate.eval.Decision;
import dev.iamgate.eval.StatementRef;
import dev.iamgate.eval.StatementTrace;
import dev.iamgate.internal.RequestKeys;
import dev.iamgate.internal.condition.CompiledCondition;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.Effect;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One statement in evaluable form: every pattern and condition value parsed once, and the
 * {@link Decision} it makes when it applies built once too.
 */
public final class CompiledStatement {

    private static final CompiledCondition[] NO_CONDITIONS = new CompiledCondition[0];

    final StatementRef ref;
    final Effect effect;
    final ActionMatcher action;
    private final ResourceMatcher resource;
    final PrincipalMatcher principal;
    private final CompiledCondition[] conditions;
    /** The same conditions as written, for explanations only. */
    private final WrittenConditions written;
    private final Decision decision;

    CompiledStatement(StatementRef ref, Statement source, PolicyVersion version, LowerCaseTexts lowerCase) {
        this.ref = ref;
        this.effect = source.effect();
        this.action = new ActionMatcher(source.action(), lowerCase);
        this.resource = new ResourceMatcher(source.resource(), version);
        this.principal = PrincipalMatcher.of(source.principal());
        this.conditions = source.conditions().isEmpty() ? NO_CONDITIONS : source.conditions().stream()
                .map(condition -> CompiledCondition.compile(lowerCase.shared(condition), version))
                .toArray(CompiledCondition[]::new);
        this.written = WrittenConditions.of(source.conditions(), source.location(), lowerCase);
        this.decision = Decision.decidedBy(ref);
    }

    /** See {@link ResourceMatcher#indexKeys()}. */
    String[] resourceKeys() {
        return resource.indexKeys();
    }

    /** The decision this statement makes when it applies. */
    public Decision decision() {
        return decision;
    }

    /**
     * Whether a literal {@code Resource} rules the request's resource out: a statement naming one
     * ARN is the common case in large sets, and one string comparison settles it before the
     * action, the principal or the conditions are looked at.
     */
    boolean excludes(String requestResource) {
        String literal = resource.onlyLiteral();
        return literal != null && !literal.equals(requestResource);
    }

    /** Resource and conditions (the action is checked by the caller, often through the index). */
    boolean resourceAndConditionsHold(String requestResource, RequestKeys keys) {
        if (!resource.matches(requestResource, keys)) {
            return false;
        }
        for (CompiledCondition condition : conditions) {
            if (!condition.test(keys)) {
                return false;
            }
        }
        return true;
    }

    /** The full account of how this statement fared, for explanations. */
    StatementTrace trace(String requestResource, boolean principalMatched, RequestKeys keys) {
        boolean resourceMatched = resource.matches(requestResource, keys);
        List<Condition> asWritten = written.conditions(ref.location(), conditions);
        List<ConditionTrace> traces = new ArrayList<>(conditions.length);
        boolean allHold = true;
        for (int i = 0; i < conditions.length; i++) {
            boolean satisfied = conditions[i].test(keys);
            allHold &= satisfied;
            Condition condition = asWritten.get(i);
            String lowerKey = condition.key().text().toLowerCase(Locale.ROOT);
            traces.add(new ConditionTrace(condition, satisfied, keys.values(lowerKey)));
        }
        return new StatementTrace(ref, resourceMatched, principalMatched, traces,
                resourceMatched && principalMatched && allHold);
    }
}
