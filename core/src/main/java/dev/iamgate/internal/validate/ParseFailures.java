package dev.iamgate.internal.validate;

import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.OperatorType;
import dev.iamgate.policy.PolicyParseException;
import dev.iamgate.policy.PolicyProblem;
import dev.iamgate.policy.SetQualifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the parser's rejection of a document into one finding under the problem's own check name,
 * adding what a validator can say beyond the parser: the operator that was probably meant.
 */
final class ParseFailures {

    private static final String NULL_IF_EXISTS = "NullIfExists";

    /** Every operator name IAM accepts, for suggestions. */
    private static final List<String> OPERATORS = operatorNames();

    private ParseFailures() {}

    static void report(PolicyParseException e, Findings findings) {
        PolicyProblem problem = e.problem();
        if (problem == PolicyProblem.UNKNOWN_OPERATOR) {
            // the parser points at the operator's member, so the name is the pointer's last token
            String operator = JsonDoc.lastToken(e.location().pointer());
            if (operator.endsWith(NULL_IF_EXISTS)) {
                findings.report(CheckId.NULL_WITH_IF_EXISTS, e.location(),
                        Quote.of(operator) + " is not an operator: Null already tests whether the"
                                + " key exists, so write Null.");
                return;
            }
            findings.report(CheckId.UNKNOWN_OPERATOR, e.location(),
                    "Unknown condition operator " + Quote.of(operator) + "."
                            + Suggestions.didYouMean(operator, OPERATORS));
            return;
        }
        findings.report(checkOf(problem), e.location(), sentence(e.detail()));
    }

    private static CheckId checkOf(PolicyProblem problem) {
        return CheckId.valueOf(problem.name());
    }

    /** The parser's detail as a sentence: capital first letter, final period. */
    static String sentence(String detail) {
        if (detail.isEmpty()) {
            return detail;
        }
        String s = Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    private static List<String> operatorNames() {
        List<String> names = new ArrayList<>();
        for (SetQualifier qualifier : SetQualifier.values()) {
            for (OperatorType type : OperatorType.values()) {
                names.add(new ConditionOperator(qualifier, type, false).jsonName());
                if (type != OperatorType.NULL) {
                    names.add(new ConditionOperator(qualifier, type, true).jsonName());
                }
            }
        }
        return List.copyOf(names);
    }
}
