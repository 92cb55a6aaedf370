package dev.iamgate.internal.condition;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.internal.match.ValueTemplate;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.TextValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Bool: the policy values {@code true} and {@code false} (any case; JSON booleans arrive as this
 * text) against a request value compared without case. Any other policy value never matches, and
 * a request value other than true/false matches nothing.
 *
 * <p>The brief allows policy variables here (AWS documentation disagrees with itself): a value
 * with a variable is resolved per request and must then read true or false.
 */
public final class BoolCondition extends KeyedCondition implements CompiledCondition {

    private static final ValueTemplate[] NO_TEMPLATES = new ValueTemplate[0];

    private final boolean matchesTrue;
    private final boolean matchesFalse;
    /** Values with policy variables, resolved per request; almost always empty. */
    private final ValueTemplate[] templates;

    BoolCondition(Condition source, boolean variables) {
        super(source);
        boolean anyTrue = false;
        boolean anyFalse = false;
        List<ValueTemplate> withVariables = new ArrayList<>(0);
        for (TextValue value : source.values()) {
            String text = value.text();
            if (variables && text.contains("${")) {
                ValueTemplate template = parse(text);
                if (template == null) {
                    continue;
                }
                if (template.hasVariables()) {
                    withVariables.add(template);
                    continue;
                }
                text = template.resolve(RequestKeys.NONE);
            }
            anyTrue |= "true".equalsIgnoreCase(text);
            anyFalse |= "false".equalsIgnoreCase(text);
        }
        this.matchesTrue = anyTrue;
        this.matchesFalse = anyFalse;
        this.templates = withVariables.isEmpty() ? NO_TEMPLATES : withVariables.toArray(NO_TEMPLATES);
    }

    private static ValueTemplate parse(String text) {
        try {
            return ValueTemplate.parse(text, true);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    @Override
    boolean matchesAny(String requestValue, RequestKeys keys) {
        boolean requestTrue = "true".equalsIgnoreCase(requestValue);
        if (!requestTrue && !"false".equalsIgnoreCase(requestValue)) {
            return false;
        }
        if (requestTrue ? matchesTrue : matchesFalse) {
            return true;
        }
        for (ValueTemplate template : templates) {
            String resolved = template.resolve(keys);
            if (resolved != null && resolved.equalsIgnoreCase(requestValue)) {
                return true;
            }
        }
        return false;
    }
}
