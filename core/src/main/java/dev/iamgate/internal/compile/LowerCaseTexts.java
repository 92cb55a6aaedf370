package dev.iamgate.internal.compile;

import dev.iamgate.internal.match.CaseFold;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.TextValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts one compilation meets, each kept once: action names, condition operators, keys and
 * values repeat across thousands of statements, and sharing one string for each keeps the
 * compiled set smaller (and makes each lower-case form once). Not thread-safe: one per compilation.
 */
final class LowerCaseTexts {

    private final Map<String, String> lowered = new HashMap<>();
    // made when first needed: many small policies have no condition
    private Map<String, String> shared;
    private Map<ConditionOperator, ConditionOperator> operators;

    /** The case-folded form of an action name or service ({@link CaseFold}), one string for all equal texts. */
    String of(String text) {
        return lowered.computeIfAbsent(text, CaseFold::fold);
    }

    /**
     * {@code condition} with its operator, key and values holding the objects this compilation
     * already met (equal values, same locations): what a compiled condition keeps of them is shared.
     */
    Condition shared(Condition condition) {
        if (operators == null) {
            operators = new HashMap<>();
        }
        List<TextValue> values = new ArrayList<>(condition.values().size());
        for (TextValue value : condition.values()) {
            values.add(shared(value));
        }
        ConditionOperator operator = operators.computeIfAbsent(condition.operator(), o -> o);
        return new Condition(operator, shared(condition.key()), values, condition.location());
    }

    /** {@code text}, one string for all equal texts. */
    String text(String text) {
        if (shared == null) {
            shared = new HashMap<>();
        }
        String known = shared.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    private TextValue shared(TextValue value) {
        String text = text(value.text());
        return text == value.text() ? value : new TextValue(text, value.location());
    }
}
