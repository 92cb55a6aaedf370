package dev.iamgate.internal.validate;

import dev.iamgate.policy.ActionElement;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.PrincipalElement;
import dev.iamgate.policy.PrincipalId;
import dev.iamgate.policy.ResourceElement;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A statement that another statement with the same effect already covers: the same principals,
 * actions and resources at least as wide, and a subset of its conditions. Of two equal statements
 * the later one is reported.
 */
final class RedundantStatementCheck implements PolicyCheck {

    @Override
    public void check(PolicyContext context, Findings findings) {
        List<Statement> statements = context.policy().statements();
        if (statements.size() > PatternCover.MAX_PAIRWISE) {
            return;
        }
        for (Statement narrow : statements) {
            for (Statement wide : statements) {
                if (wide != narrow && covers(wide, narrow)
                        && (wide.index() < narrow.index() || !covers(narrow, wide))) {
                    findings.report(CheckId.REDUNDANT_STATEMENT, narrow.location(), "Statement "
                            + Quote.name(narrow.displayName()) + " is already covered by statement "
                            + Quote.name(wide.displayName()) + " on " + PolicyContext.line(wide.location())
                            + ".");
                    break;
                }
            }
        }
    }

    private static boolean covers(Statement wide, Statement narrow) {
        return wide.effect() == narrow.effect()
                && samePrincipals(wide.principal(), narrow.principal())
                && actionsCover(wide.action(), narrow.action())
                && resourcesCover(wide.resource(), narrow.resource())
                && conditionsCover(wide.conditions(), narrow.conditions());
    }

    private static boolean samePrincipals(Optional<PrincipalElement> a,
            Optional<PrincipalElement> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return a.get().negated() == b.get().negated()
                && principals(a.get()).equals(principals(b.get()));
    }

    private static Set<String> principals(PrincipalElement element) {
        Set<String> set = new HashSet<>();
        for (PrincipalId id : element.principals()) {
            set.add(id.type() + " " + id.value().text());
        }
        return set;
    }

    /**
     * Action: every narrow pattern matched by a wide one. NotAction: the wide statement excludes
     * less, so every pattern it excludes is excluded by the narrow one too.
     */
    private static boolean actionsCover(ActionElement wide, ActionElement narrow) {
        if (wide.negated() != narrow.negated()) {
            return false;
        }
        return wide.negated()
                ? everyCovered(narrow.patterns(), wide.patterns(), false)
                : everyCovered(wide.patterns(), narrow.patterns(), false);
    }

    private static boolean resourcesCover(Optional<ResourceElement> wide,
            Optional<ResourceElement> narrow) {
        if (wide.isEmpty() || narrow.isEmpty()) {
            return wide.isEmpty() && narrow.isEmpty();
        }
        if (wide.get().negated() != narrow.get().negated()) {
            return false;
        }
        return wide.get().negated()
                ? everyCovered(narrow.get().patterns(), wide.get().patterns(), true)
                : everyCovered(wide.get().patterns(), narrow.get().patterns(), true);
    }

    /** Whether each pattern of {@code narrow} is matched by some pattern of {@code wide}. */
    private static boolean everyCovered(List<TextValue> wide, List<TextValue> narrow, boolean arn) {
        for (TextValue n : narrow) {
            boolean covered = false;
            for (TextValue w : wide) {
                if (arn ? PatternCover.coversArn(w.text(), n.text())
                        : PatternCover.covers(w.text(), n.text(), true)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** The wide statement asks for no condition the narrow one does not ask for too. */
    private static boolean conditionsCover(List<Condition> wide, List<Condition> narrow) {
        Set<String> asked = new HashSet<>();
        for (Condition condition : narrow) {
            asked.add(signature(condition));
        }
        for (Condition condition : wide) {
            if (!asked.contains(signature(condition))) {
                return false;
            }
        }
        return true;
    }

    /** Operator, key (case-insensitive) and the set of values, as one comparable string. */
    private static String signature(Condition condition) {
        Set<String> values = new TreeSet<>();
        for (TextValue value : condition.values()) {
            values.add(value.text());
        }
        return condition.operator().jsonName() + '\u0000'
                + condition.key().text().toLowerCase(Locale.ROOT) + '\u0000'
                + String.join("\u0000", values);
    }
}
