package dev.iamgate.explain;

import dev.iamgate.eval.ConditionTrace;
import dev.iamgate.eval.Decision;
import dev.iamgate.eval.Explanation;
import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.eval.StatementRef;
import dev.iamgate.eval.StatementTrace;
import dev.iamgate.policy.TextValue;
import java.util.stream.Collectors;

/**
 * Renders an explained {@link Decision} for people: which statement decided, and for every
 * statement whose action matched, what else matched and which condition failed with which values.
 */
public final class ExplanationText {

    private ExplanationText() {}

    /** A multi-line explanation; the decision alone when it carries no explanation. */
    public static String render(RequestContext request, Decision decision) {
        StringBuilder out = new StringBuilder();
        out.append("Decision: ").append(decision.outcome().wireName()).append('\n');
        out.append("Request: ").append(request.action()).append(" on ").append(request.resource());
        if (!request.principal().isEmpty()) {
            out.append(" by ").append(request.principal());
        }
        out.append('\n');
        decision.explanation().ifPresent(explanation -> renderExplanation(decision.outcome(), explanation, out));
        return out.toString();
    }

    /** One line saying what decided, in the words of AWS's error messages. */
    public static String reason(Outcome outcome, Explanation explanation) {
        String kind = explanation.decidingType().description();
        String aKind = ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
        return switch (outcome) {
            case EXPLICIT_DENY -> "explicit deny in " + aKind + ": "
                    + explanation.deciding().stream().map(ExplanationText::name).collect(Collectors.joining(", "));
            case ALLOW -> "allowed by " + aKind + ": "
                    + explanation.deciding().stream().map(ExplanationText::name).collect(Collectors.joining(", "));
            case IMPLICIT_DENY -> "no " + kind + " allows the action";
        };
    }

    private static void renderExplanation(Outcome outcome, Explanation explanation, StringBuilder out) {
        out.append("Reason: ").append(reason(outcome, explanation)).append('\n');
        if (explanation.considered().isEmpty()) {
            out.append("No statement covers this action.\n");
            return;
        }
        out.append("Statements whose action matched:\n");
        for (StatementTrace trace : explanation.considered()) {
            StatementRef ref = trace.statement();
            out.append("  ").append(name(ref)).append(" [").append(ref.effect().jsonName()).append("] ")
                    .append(trace.applies() ? "applies" : "does not apply").append('\n');
            if (!trace.principalMatched()) {
                out.append("      principal: does not name the caller\n");
            }
            if (!trace.resourceMatched()) {
                out.append("      resource: no entry matches the request's resource\n");
            }
            for (ConditionTrace condition : trace.conditions()) {
                out.append("      condition ").append(condition.condition().operator().jsonName()).append(' ')
                        .append(condition.condition().key().text()).append(' ')
                        .append(condition.condition().values().stream().map(TextValue::text)
                                .collect(Collectors.joining("\", \"", "[\"", "\"]")))
                        .append(condition.satisfied() ? ": holds" : ": fails")
                        .append(" (request: ")
                        .append(condition.requestValues().isEmpty() ? "absent"
                                : condition.requestValues().stream().collect(Collectors.joining("\", \"", "\"", "\"")))
                        .append(")\n");
            }
        }
    }

    /** {@code policy-name Sid (line n)}. */
    public static String name(StatementRef ref) {
        String policy = ref.policyName().isEmpty()
                ? ref.policyType().description() + " #" + ref.policyIndex()
                : ref.policyName();
        return policy + " " + ref.displayName() + " (line " + ref.location().line() + ")";
    }
}
