package dev.iamgate.internal.validate;

import dev.iamgate.internal.json.JsonValue.JsonObject;
import dev.iamgate.internal.json.JsonValue.Member;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.OperatorFamily;
import dev.iamgate.policy.Statement;

/**
 * Empty constructs the parser accepts: a Condition or operator block without keys, a key without
 * values. (Empty Action, Resource and Principal are parse errors; an empty Sid is a Sid check.)
 */
final class EmptyChecks implements PolicyCheck {

    @Override
    public void check(PolicyContext context, Findings findings) {
        for (Statement statement : context.policy().statements()) {
            context.doc().member(statement.location(), "Condition")
                    .ifPresent(member -> blocks(member, findings));
            for (Condition condition : statement.conditions()) {
                if (condition.values().isEmpty()) {
                    findings.report(CheckId.EMPTY_ARRAY_CONDITION, condition.location(),
                            Quote.name(condition.key().text()) + " has no values, so "
                                    + condition.operator().jsonName() + " "
                                    + meaning(condition.operator()) + ".");
                }
            }
        }
    }

    private static void blocks(Member condition, Findings findings) {
        if (!(condition.value() instanceof JsonObject block)) {
            return;
        }
        if (block.members().isEmpty()) {
            findings.report(CheckId.EMPTY_OBJECT_CONDITION, block.location(),
                    "The Condition block is empty, so it is always true.");
        }
        for (Member operator : block.members()) {
            if (operator.value() instanceof JsonObject keys && keys.members().isEmpty()) {
                findings.report(CheckId.EMPTY_OBJECT_CONDITION_OPERATOR, keys.location(),
                        operator.name() + " has no condition keys, so it is always true.");
            }
        }
    }

    /**
     * What an operator with no policy values amounts to, as the evaluator decides it (the User
     * Guide's policy check reference): with the key present it is false, negated or not; with the
     * key absent ForAllValues, IfExists and the negated operators are true.
     */
    private static String meaning(ConditionOperator operator) {
        if (operator.type().family() == OperatorFamily.NULL) {
            return "is never true";
        }
        boolean trueWhenAbsent = switch (operator.qualifier()) {
            case FOR_ALL_VALUES -> true;
            case FOR_ANY_VALUE -> false;
            case NONE -> operator.ifExists() || operator.type().negated();
        };
        return trueWhenAbsent ? "is true only when the key is absent" : "is never true";
    }
}
