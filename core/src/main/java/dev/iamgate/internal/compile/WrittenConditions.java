package dev.iamgate.internal.compile;

import dev.iamgate.internal.condition.CompiledCondition;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.policy.TextValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The conditions of one statement as written, kept compactly for explanations. A compiled set
 * keeps every statement's conditions, and as parsed objects (a {@link Condition}, and a
 * {@link TextValue} and a {@link SourceLocation} per key and value) they outweighed everything a
 * decision needs. Here the texts are shared strings and the places bare line and column numbers:
 * a condition's JSON pointers follow from its statement's location, its operator and its key, so
 * {@link #conditions} rebuilds conditions equal to the parsed ones on demand. Conditions whose
 * locations do not have that shape (built in code) are kept as they are. Immutable.
 */
final class WrittenConditions {

    static final WrittenConditions NONE = new WrittenConditions(new String[0], new int[0], null);

    private static final String CONDITION = "Condition";

    /** Per condition: the key, then its values. */
    private final String[] texts;
    /**
     * Per condition: its value count shifted left by one, or'ed with 1 when the values were written
     * as an array; the key's line and column; then each value's line and column.
     */
    private final int[] places;
    /** The conditions as given, when their locations do not have the shape a rebuild assumes; else null. */
    private final List<Condition> asGiven;

    private WrittenConditions(String[] texts, int[] places, List<Condition> asGiven) {
        this.texts = texts;
        this.places = places;
        this.asGiven = asGiven;
    }

    /** Keeps {@code conditions}, those of the statement at {@code statement}, sharing their texts. */
    static WrittenConditions of(List<Condition> conditions, SourceLocation statement, LowerCaseTexts shared) {
        if (conditions.isEmpty()) {
            return NONE;
        }
        int textCount = 0;
        int placeCount = 0;
        for (Condition condition : conditions) {
            textCount += 1 + condition.values().size();
            placeCount += 3 + 2 * condition.values().size();
        }
        String[] texts = new String[textCount];
        int[] places = new int[placeCount];
        int t = 0;
        int p = 0;
        for (Condition condition : conditions) {
            SourceLocation keyAt = condition.key().location();
            SourceLocation key = keyLocation(statement, condition.operator(), condition.key().text(), keyAt.line(),
                    keyAt.column());
            List<TextValue> values = condition.values();
            boolean array = values.size() != 1 || !valueLocation(key, false, 0, values.get(0).location()).equals(
                    values.get(0).location());
            if (!key.equals(keyAt) || !condition.location().equals(keyAt)) {
                return new WrittenConditions(null, null, List.copyOf(conditions));
            }
            places[p++] = values.size() << 1 | (array ? 1 : 0);
            places[p++] = keyAt.line();
            places[p++] = keyAt.column();
            texts[t++] = shared.text(condition.key().text());
            for (int i = 0; i < values.size(); i++) {
                SourceLocation at = values.get(i).location();
                if (!valueLocation(key, array, i, at).equals(at)) {
                    return new WrittenConditions(null, null, List.copyOf(conditions));
                }
                places[p++] = at.line();
                places[p++] = at.column();
                texts[t++] = shared.text(values.get(i).text());
            }
        }
        return new WrittenConditions(texts, places, null);
    }

    /**
     * The conditions as written, equal to those {@link #of} was given; {@code compiled} are the
     * same conditions compiled, in the same order, and {@code statement} is the statement's location.
     */
    List<Condition> conditions(SourceLocation statement, CompiledCondition[] compiled) {
        if (asGiven != null) {
            return asGiven;
        }
        List<Condition> conditions = new ArrayList<>(compiled.length);
        int t = 0;
        int p = 0;
        for (CompiledCondition condition : compiled) {
            int count = places[p] >>> 1;
            boolean array = (places[p] & 1) != 0;
            String keyText = texts[t++];
            SourceLocation key = keyLocation(statement, condition.operator(), keyText, places[p + 1], places[p + 2]);
            p += 3;
            List<TextValue> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(new TextValue(texts[t++], valueLocation(key, array, i, places[p], places[p + 1])));
                p += 2;
            }
            conditions.add(new Condition(condition.operator(), new TextValue(keyText, key), values, key));
        }
        return conditions;
    }

    /** Where a key stands: {@code <statement>/Condition/<operator>/<key>}, at its line and column. */
    private static SourceLocation keyLocation(SourceLocation statement, ConditionOperator operator, String key,
            int line, int column) {
        // The enclosing members' own lines and columns are never read through a key's location.
        return statement.member(CONDITION, 0, 0).member(operator.jsonName(), 0, 0).member(key, line, column);
    }

    private static SourceLocation valueLocation(SourceLocation key, boolean array, int index, SourceLocation at) {
        return valueLocation(key, array, index, at.line(), at.column());
    }

    /** Where value {@code index} of the key at {@code key} stands: an array element, or the key's value itself. */
    private static SourceLocation valueLocation(SourceLocation key, boolean array, int index, int line, int column) {
        return array ? key.element(index, line, column) : key.at(line, column);
    }
}
