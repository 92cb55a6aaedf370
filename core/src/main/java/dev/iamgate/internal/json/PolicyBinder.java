package dev.iamgate.internal.json;

import dev.iamgate.internal.json.JsonValue.JsonArray;
import dev.iamgate.internal.json.JsonValue.JsonObject;
import dev.iamgate.internal.json.JsonValue.Member;
import dev.iamgate.policy.ActionElement;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.Effect;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyProblem;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.PrincipalElement;
import dev.iamgate.policy.ResourceElement;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a document's JSON tree into a {@link Policy}, applying the rules IAM enforces when it saves
 * a policy. Members are checked in document order, so the first offending one is reported.
 */
final class PolicyBinder {

    private static final String DOCUMENT_ELEMENTS = "Version, Id or Statement";
    private static final String STATEMENT_ELEMENTS =
            "Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource or"
                + " Condition";

    private final Expect expect;
    private final String policyName;

    private PolicyBinder(Expect expect, String policyName) {
        this.expect = expect;
        this.policyName = policyName;
    }

    /** Binds a whole document. */
    static Policy bind(JsonValue root, Problems problems, String policyName) {
        return new PolicyBinder(new Expect(problems), policyName).document(root);
    }

    private Policy document(JsonValue root) {
        JsonObject document = expect.object(root, "a policy document");
        PolicyVersion version = PolicyVersion.UNSPECIFIED;
        Optional<String> id = Optional.empty();
        List<Statement> statements = null;
        for (Member member : document.members()) {
            switch (member.name()) {
                case "Version" -> version = version(member.value());
                case "Id" -> id = Optional.of(expect.string(member.value(), "Id").text());
                case "Statement" -> statements = statements(member.value());
                default -> throw expect.unknownElement(member, "policy", DOCUMENT_ELEMENTS);
            }
        }
        if (statements == null) {
            throw expect.fail(
                    document.location(),
                    PolicyProblem.MISSING_STATEMENT,
                    "the policy has no Statement");
        }
        return new Policy(policyName, version, id, statements);
    }

    private PolicyVersion version(JsonValue value) {
        TextValue text = expect.string(value, "Version");
        return switch (text.text()) {
            case "2012-10-17" -> PolicyVersion.V2012_10_17;
            case "2008-10-17" -> PolicyVersion.V2008_10_17;
            default ->
                    throw expect.fail(
                            text.location(),
                            PolicyProblem.INVALID_VERSION,
                            "Version must be \"2012-10-17\" or \"2008-10-17\", found "
                                    + Texts.quote(text.text()));
        };
    }

    private List<Statement> statements(JsonValue value) {
        if (value instanceof JsonObject single) {
            return List.of(statement(single, 0));
        }
        if (!(value instanceof JsonArray array)) {
            throw expect.wrongType(value, "Statement", "an object or an array of objects");
        }
        if (array.elements().isEmpty()) {
            throw expect.fail(
                    array.location(),
                    PolicyProblem.MISSING_STATEMENT,
                    "Statement is an empty array");
        }
        List<Statement> statements = new ArrayList<>(array.elements().size());
        for (JsonValue element : array.elements()) {
            statements.add(
                    statement(expect.object(element, "each Statement entry"), statements.size()));
        }
        return statements;
    }

    private Statement statement(JsonObject object, int index) {
        Optional<String> sid = Optional.empty();
        Effect effect = null;
        ActionElement action = null;
        Optional<ResourceElement> resource = Optional.empty();
        Optional<PrincipalElement> principal = Optional.empty();
        List<Condition> conditions = List.of();
        for (Member member : object.members()) {
            switch (member.name()) {
                case "Sid" -> sid = Optional.of(expect.string(member.value(), "Sid").text());
                case "Effect" -> effect = effect(member.value());
                case "Action", "NotAction" -> {
                    requireAlone(action != null, member, "Action and NotAction");
                    action = action(member);
                }
                case "Resource", "NotResource" -> {
                    requireAlone(resource.isPresent(), member, "Resource and NotResource");
                    resource = Optional.of(resource(member));
                }
                case "Principal", "NotPrincipal" -> {
                    requireAlone(principal.isPresent(), member, "Principal and NotPrincipal");
                    principal = Optional.of(principal(member));
                }
                case "Condition" -> conditions = ConditionBinder.conditions(member.value(), expect);
                default -> throw expect.unknownElement(member, "statement", STATEMENT_ELEMENTS);
            }
        }
        if (effect == null) {
            throw expect.fail(
                    object.location(), PolicyProblem.MISSING_EFFECT, "the statement has no Effect");
        }
        if (action == null) {
            throw expect.fail(
                    object.location(),
                    PolicyProblem.MISSING_ACTION,
                    "the statement has neither Action nor NotAction");
        }
        return new Statement(
                index, sid, effect, principal, action, resource, conditions, object.location());
    }

    /**
     * Rejects an element whose counterpart came earlier. The same name twice cannot get here: it is
     * a duplicate key, caught while reading the JSON.
     */
    private void requireAlone(boolean counterpartSeen, Member member, String pair) {
        if (counterpartSeen) {
            throw expect.fail(
                    member.nameLocation(),
                    PolicyProblem.CONFLICTING_ELEMENTS,
                    "a statement cannot have both " + pair);
        }
    }

    private Effect effect(JsonValue value) {
        TextValue text = expect.string(value, "Effect");
        return switch (text.text()) {
            case "Allow" -> Effect.ALLOW;
            case "Deny" -> Effect.DENY;
            default ->
                    throw expect.fail(
                            text.location(),
                            PolicyProblem.INVALID_EFFECT,
                            "Effect must be exactly \"Allow\" or \"Deny\", found "
                                    + Texts.quote(text.text()));
        };
    }

    private ActionElement action(Member member) {
        boolean negated = member.name().equals("NotAction");
        List<TextValue> patterns = expect.strings(member.value(), member.name());
        if (patterns.isEmpty()) {
            throw expect.fail(
                    member.value().location(),
                    PolicyProblem.MISSING_ACTION,
                    member.name() + " is an empty array");
        }
        return new ActionElement(negated, patterns, member.value().location());
    }

    private ResourceElement resource(Member member) {
        boolean negated = member.name().equals("NotResource");
        List<TextValue> patterns = expect.strings(member.value(), member.name());
        if (patterns.isEmpty()) {
            throw expect.fail(
                    member.value().location(),
                    PolicyProblem.EMPTY_RESOURCE,
                    member.name() + " is an empty array");
        }
        for (TextValue pattern : patterns) {
            String problem = ResourceArns.problem(pattern.text());
            if (problem != null) {
                throw expect.fail(
                        pattern.location(),
                        PolicyProblem.INVALID_ARN,
                        member.name() + " " + Texts.quote(pattern.text()) + " " + problem);
            }
        }
        return new ResourceElement(negated, patterns, member.value().location());
    }

    private PrincipalElement principal(Member member) {
        boolean negated = member.name().equals("NotPrincipal");
        return new PrincipalElement(
                negated,
                PrincipalBinder.principals(member.value(), member.name(), expect),
                member.value().location());
    }
}
