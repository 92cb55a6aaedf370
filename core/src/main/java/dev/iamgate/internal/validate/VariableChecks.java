package dev.iamgate.internal.validate;

import dev.iamgate.internal.validate.GlobalKeys.GlobalKey;
import dev.iamgate.internal.validate.VariableRefs.Ref;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.OperatorFamily;
import dev.iamgate.policy.PrincipalId;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Policy variables: whether the version substitutes them, whether the place they stand does, and
 * whether each {@code ${...}} is well-formed and names a key that can be substituted.
 */
final class VariableChecks implements PolicyCheck {

    @Override
    public void check(PolicyContext context, Findings findings) {
        boolean enabled = context.variablesEnabled();
        for (Statement statement : context.policy().statements()) {
            statement.sid().ifPresent(sid -> notHere(enabled,
                    new TextValue(sid, context.element(statement, "Sid")), "Sid", findings));
            for (TextValue action : statement.action().patterns()) {
                notHere(enabled, action, statement.action().elementName(), findings);
            }
            statement.principal().ifPresent(principal -> {
                for (PrincipalId id : principal.principals()) {
                    notHere(enabled, id.value(), principal.elementName(), findings);
                }
            });
            statement.resource().ifPresent(resource -> {
                for (TextValue pattern : resource.patterns()) {
                    resource(enabled, pattern, resource.elementName(), findings);
                }
            });
            for (Condition condition : statement.conditions()) {
                notHere(enabled, condition.key(), "a condition key", findings);
                for (TextValue value : condition.values()) {
                    conditionValue(enabled, condition, value, findings);
                }
            }
        }
    }

    /** An element where variables are never substituted. */
    private static void notHere(boolean enabled, TextValue text, String where, Findings findings) {
        if (!VariableRefs.mentions(text.text())) {
            return;
        }
        if (!enabled) {
            unsupportedVersion(text, findings);
            return;
        }
        findings.report(CheckId.VARIABLE_UNSUPPORTED_IN_ELEMENT, text.location(),
                Quote.of(text.text()) + ": " + where + " cannot hold policy variables; the text is"
                        + " compared as written.");
    }

    private static void resource(boolean enabled, TextValue pattern, String element,
            Findings findings) {
        String text = pattern.text();
        if (!VariableRefs.mentions(text)) {
            return;
        }
        if (!enabled) {
            unsupportedVersion(pattern, findings);
            return;
        }
        int resourcePart = Arns.resourceStart(text);
        int first = text.indexOf("${");
        if (resourcePart < 0 || first < resourcePart) {
            findings.report(CheckId.VARIABLE_UNSUPPORTED_IN_ELEMENT, pattern.location(),
                    element + " " + Quote.of(text) + " has a policy variable before the resource"
                            + " part of the ARN, where none is substituted.");
            return;
        }
        refs(pattern, findings);
    }

    private static void conditionValue(boolean enabled, Condition condition, TextValue value,
            Findings findings) {
        if (!VariableRefs.mentions(value.text())) {
            return;
        }
        if (!enabled) {
            unsupportedVersion(value, findings);
            return;
        }
        OperatorFamily family = condition.operator().type().family();
        if (family == OperatorFamily.STRING || family == OperatorFamily.ARN
                || family == OperatorFamily.BOOL) {
            refs(value, findings);
            return;
        }
        findings.report(CheckId.INVALID_VARIABLE_FOR_OPERATOR, value.location(),
                condition.operator().jsonName() + " does not substitute policy variables, so "
                        + Quote.of(value.text()) + " is compared as written; use a String or Arn"
                        + " operator.");
    }

    private static void unsupportedVersion(TextValue text, Findings findings) {
        findings.report(CheckId.VARIABLE_UNSUPPORTED_IN_VERSION, text.location(),
                Quote.of(text.text()) + " is literal text: policy variables need \"Version\":"
                        + " \"2012-10-17\".");
    }

    /** Each reference in a place that substitutes variables. */
    private static void refs(TextValue value, Findings findings) {
        SourceLocation at = value.location();
        // one report per kind of mistake and value: they would all stand at the same place
        Set<VariableRefs.Kind> reported = EnumSet.noneOf(VariableRefs.Kind.class);
        for (Ref ref : VariableRefs.scan(value.text())) {
            if (ref.kind() != VariableRefs.Kind.VARIABLE && !reported.add(ref.kind())) {
                continue;
            }
            String quoted = Quote.of(ref.text());
            switch (ref.kind()) {
                case ESCAPE -> { }
                case MISSING_BRACE -> findings.report(CheckId.MISSING_BRACE, at, "Policy variable "
                        + quoted + " has no closing brace, so it is literal text.");
                case MISSING_QUOTE -> findings.report(CheckId.MISSING_QUOTE, at, "Policy variable "
                        + quoted + " has a default that is not written , 'text'.");
                case UNSUPPORTED_SPACE -> findings.report(CheckId.UNSUPPORTED_SPACE, at,
                        "Policy variable " + quoted + " has a space in its key name.");
                case EMPTY -> findings.report(CheckId.EMPTY_VARIABLE, at, "Policy variable "
                        + quoted + " names no key.");
                case VARIABLE -> variableKey(ref, at, findings);
            }
        }
    }

    private static void variableKey(Ref ref, SourceLocation at, Findings findings) {
        String key = ref.key();
        String problem = ConditionKeyChecks.keyFormatProblem(key);
        if (problem != null) {
            findings.report(CheckId.INVALID_CONDITION_KEY_FORMAT, at, "Policy variable "
                    + Quote.of(ref.text()) + ": the key " + problem + ".");
            return;
        }
        if (!GlobalKeys.isGlobal(key)) {
            return;
        }
        Optional<GlobalKey> global = GlobalKeys.find(key);
        if (global.isEmpty()) {
            findings.report(CheckId.INVALID_GLOBAL_CONDITION_KEY, at, "Policy variable "
                    + Quote.of(ref.text()) + " names no global condition key."
                    + GlobalKeys.suggestion(key));
        } else if (global.get().multivalued() && !ref.hasDefault()) {
            findings.report(CheckId.VARIABLE_WITH_MULTIVALUED_KEY, at, "Policy variable "
                    + Quote.of(ref.text()) + " names multivalued key " + Quote.name(global.get().name())
                    + ", which is never substituted.");
        }
    }
}
