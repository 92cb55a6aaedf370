package dev.iamgate.internal.json;

import dev.iamgate.internal.json.JsonValue.JsonArray;
import dev.iamgate.internal.json.JsonValue.JsonObject;
import dev.iamgate.internal.json.JsonValue.JsonScalar;
import dev.iamgate.internal.json.JsonValue.Member;
import dev.iamgate.internal.json.JsonValue.ScalarKind;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.PolicyProblem;
import dev.iamgate.policy.TextValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds a {@code Condition} block: operator → { key → value or array of values }, one {@link
 * Condition} per operator and key, in document order. Numbers and booleans are kept as their JSON
 * text; the evaluator compares strings.
 */
final class ConditionBinder {

    private static final String NULL_IF_EXISTS = "NullIfExists";
    private static final String SCALAR_TYPES = "a string, number or boolean";
    private static final String VALUE_TYPES = "a string, number, boolean or an array of those";

    private ConditionBinder() {}

    static List<Condition> conditions(JsonValue value, Expect expect) {
        JsonObject block = expect.object(value, "Condition");
        List<Condition> conditions = new ArrayList<>();
        for (Member operatorMember : block.members()) {
            ConditionOperator operator = operator(operatorMember, expect);
            if (!(operatorMember.value() instanceof JsonObject keys)) {
                throw expect.wrongType(
                        operatorMember.value(), "Condition " + operator, "an object");
            }
            for (Member key : keys.members()) {
                conditions.add(
                        new Condition(
                                operator,
                                new TextValue(key.name(), key.nameLocation()),
                                values(key, expect),
                                key.nameLocation()));
            }
        }
        return conditions;
    }

    private static ConditionOperator operator(Member member, Expect expect) {
        String name = member.name();
        return ConditionOperator.parse(name)
                .orElseThrow(
                        () ->
                                expect.fail(
                                        member.nameLocation(),
                                        PolicyProblem.UNKNOWN_OPERATOR,
                                        name.endsWith(NULL_IF_EXISTS)
                                                ? NULL_IF_EXISTS
                                                        + " is not an operator: Null already tests"
                                                        + " whether a key exists"
                                                : "unknown condition operator "
                                                        + Texts.quote(name)));
    }

    private static List<TextValue> values(Member key, Expect expect) {
        JsonValue value = key.value();
        if (value instanceof JsonArray array) {
            List<TextValue> values = new ArrayList<>(array.elements().size());
            for (JsonValue element : array.elements()) {
                if (!(element instanceof JsonScalar scalar) || scalar.kind() == ScalarKind.NULL) {
                    throw expect.wrongType(
                            element,
                            "each value of condition key " + Texts.quote(key.name()),
                            SCALAR_TYPES);
                }
                values.add(new TextValue(scalar.text(), scalar.location()));
            }
            return values;
        }
        if (!(value instanceof JsonScalar scalar) || scalar.kind() == ScalarKind.NULL) {
            throw expect.wrongType(
                    value, "the value of condition key " + Texts.quote(key.name()), VALUE_TYPES);
        }
        return List.of(new TextValue(scalar.text(), scalar.location()));
    }
}
