package dev.iamgate.internal.json;

import dev.iamgate.internal.json.JsonValue.JsonArray;
import dev.iamgate.internal.json.JsonValue.JsonObject;
import dev.iamgate.internal.json.JsonValue.JsonScalar;
import dev.iamgate.policy.PolicyParseException;
import dev.iamgate.policy.PolicyProblem;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.policy.TextValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to the values of one document's JSON tree: each method returns the shape the policy
 * grammar asks for or throws {@link PolicyProblem#WRONG_TYPE} naming the element.
 */
final class Expect {

    private final Problems problems;

    Expect(Problems problems) {
        this.problems = problems;
    }

    PolicyParseException fail(SourceLocation location, PolicyProblem problem, String detail) {
        return problems.at(location, problem, detail);
    }

    PolicyParseException wrongType(JsonValue value, String what, String expected) {
        return problems.at(
                value.location(),
                PolicyProblem.WRONG_TYPE,
                what + " must be " + expected + ", found " + value.kindName());
    }

    JsonObject object(JsonValue value, String what) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw wrongType(value, what, "an object");
    }

    TextValue string(JsonValue value, String what) {
        if (value instanceof JsonScalar scalar && scalar.isString()) {
            return new TextValue(scalar.text(), scalar.location());
        }
        throw wrongType(value, what, "a string");
    }

    /** A string or an array of strings, as a list in document order (possibly empty). */
    List<TextValue> strings(JsonValue value, String what) {
        return strings(value, what, "");
    }

    /**
     * As {@link #strings(JsonValue, String)}, for an element named in two parts ("Principal",
     * "AWS") that are joined only when there is something to report.
     */
    List<TextValue> strings(JsonValue value, String what, String subElement) {
        if (value instanceof JsonScalar scalar && scalar.isString()) {
            return List.of(new TextValue(scalar.text(), scalar.location()));
        }
        if (value instanceof JsonArray array) {
            List<TextValue> texts = new ArrayList<>(array.elements().size());
            for (JsonValue element : array.elements()) {
                if (!(element instanceof JsonScalar scalar && scalar.isString())) {
                    throw wrongType(
                            element, "each " + join(what, subElement) + " entry", "a string");
                }
                texts.add(new TextValue(scalar.text(), scalar.location()));
            }
            return texts;
        }
        throw wrongType(value, join(what, subElement), "a string or an array of strings");
    }

    private static String join(String what, String subElement) {
        return subElement.isEmpty() ? what : what + " " + subElement;
    }

    /** An element IAM does not know in the given place ("statement", "policy document"). */
    PolicyParseException unknownElement(JsonValue.Member member, String place, String known) {
        return problems.at(
                member.nameLocation(),
                PolicyProblem.UNKNOWN_ELEMENT,
                "unknown "
                        + place
                        + " element "
                        + Texts.quote(member.name())
                        + "; expected "
                        + known);
    }
}
