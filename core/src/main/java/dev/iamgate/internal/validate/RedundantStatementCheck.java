package dev.iamgate.internal.validate;

import dev.iamgate.internal.validate.PatternCover.ArnGlob;
import dev.iamgate.internal.validate.PatternCover.Glob;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.Effect;
import dev.iamgate.policy.PrincipalElement;
import dev.iamgate.policy.PrincipalId;
import dev.iamgate.policy.ResourceElement;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

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
        // each statement is read once, then compared only with the statements that may cover it
        PatternCover.Reader reader = new PatternCover.Reader();
        List<Shape> shapes = new ArrayList<>(statements.size());
        for (Statement statement : statements) {
            shapes.add(new Shape(statement, reader));
        }
        ActionIndex index = new ActionIndex(shapes);
        for (Shape narrow : shapes) {
            for (Shape wide : index.candidates(narrow)) {
                if (wide != narrow && wide.covers(narrow)
                        && (wide.statement.index() < narrow.statement.index() || !narrow.covers(wide))) {
                    findings.report(CheckId.REDUNDANT_STATEMENT, narrow.statement.location(), "Statement "
                            + Quote.name(narrow.statement.displayName()) + " is already covered by statement "
                            + Quote.name(wide.statement.displayName()) + " on "
                            + PolicyContext.line(wide.statement.location()) + ".");
                    break;
                }
            }
        }
    }

    /** What of a statement the comparison looks at, read for comparison with the others. */
    private static final class Shape {
        private final Statement statement;
        private final Effect effect;
        /** Null when there is no Principal or NotPrincipal. */
        private final Set<String> principals;
        private final boolean principalNegated;
        private final boolean actionNegated;
        private final Glob[] actions;
        /** Null when there is no Resource or NotResource. */
        private final ArnGlob[] resources;
        private final boolean resourceNegated;
        /** Read when first compared. */
        private Set<String> conditions;

        Shape(Statement statement, PatternCover.Reader reader) {
            this.statement = statement;
            this.effect = statement.effect();
            PrincipalElement principal = statement.principal().orElse(null);
            this.principals = principal == null ? null : principals(principal);
            this.principalNegated = principal != null && principal.negated();
            this.actionNegated = statement.action().negated();
            List<TextValue> actionPatterns = statement.action().patterns();
            this.actions = new Glob[actionPatterns.size()];
            for (int i = 0; i < actions.length; i++) {
                actions[i] = reader.glob(actionPatterns.get(i).text(), true);
            }
            ResourceElement resource = statement.resource().orElse(null);
            this.resourceNegated = resource != null && resource.negated();
            if (resource == null) {
                this.resources = null;
            } else {
                this.resources = new ArnGlob[resource.patterns().size()];
                for (int i = 0; i < resources.length; i++) {
                    resources[i] = reader.arn(resource.patterns().get(i).text());
                }
            }
        }

        /** Whether this statement covers {@code narrow}. */
        boolean covers(Shape narrow) {
            return effect == narrow.effect
                    && samePrincipals(narrow)
                    && resourcesCover(narrow)
                    && actionsCover(narrow)
                    // this statement asks for no condition the narrow one does not ask for too
                    && narrow.conditions().containsAll(conditions());
        }

        private Set<String> conditions() {
            if (conditions == null) {
                conditions = new HashSet<>();
                for (Condition condition : statement.conditions()) {
                    conditions.add(signature(condition));
                }
            }
            return conditions;
        }

        /**
         * The Action entries case-folded, when this statement can cover only statements whose
         * actions are among them: Action (not NotAction) of literals only. Null otherwise.
         */
        private Set<String> literalActions() {
            if (actionNegated) {
                return null;
            }
            Set<String> keys = new HashSet<>();
            for (Glob action : actions) {
                if (!action.literal()) {
                    return null;
                }
                keys.add(action.comparable());
            }
            return keys;
        }

        /**
         * The key a covering statement's {@link #literalActions} must hold: the first Action
         * entry case-folded (a literal covers exactly the entries equal to it once folded). Null
         * when any statement may cover this one as far as actions go.
         */
        private String firstActionKey() {
            return actionNegated || actions.length == 0 ? null : actions[0].comparable();
        }

        private boolean samePrincipals(Shape other) {
            if (principals == null || other.principals == null) {
                return principals == null && other.principals == null;
            }
            return principalNegated == other.principalNegated && principals.equals(other.principals);
        }

        /**
         * Action: every narrow pattern matched by a wide one. NotAction: the wide statement excludes
         * less, so every pattern it excludes is excluded by the narrow one too.
         */
        private boolean actionsCover(Shape narrow) {
            if (actionNegated != narrow.actionNegated) {
                return false;
            }
            return actionNegated
                    ? everyCovered(narrow.actions, actions, PatternCover::covers)
                    : everyCovered(actions, narrow.actions, PatternCover::covers);
        }

        private boolean resourcesCover(Shape narrow) {
            if (resources == null || narrow.resources == null) {
                return resources == null && narrow.resources == null;
            }
            if (resourceNegated != narrow.resourceNegated) {
                return false;
            }
            return resourceNegated
                    ? everyCovered(narrow.resources, resources, PatternCover::coversArn)
                    : everyCovered(resources, narrow.resources, PatternCover::coversArn);
        }
    }

    /**
     * Which statements may cover a statement as far as actions go, so that not every pair is
     * compared: a statement whose Action entries are all literals covers only statements whose
     * first action is one of them. Candidates come in document order, like the statements.
     */
    private static final class ActionIndex {
        private final List<Shape> all;
        private final Map<String, List<Shape>> byLiteralAction = new HashMap<>();
        /** Statements whose actions say nothing in advance: wildcards, NotAction, non-ASCII. */
        private final List<Shape> unindexed = new ArrayList<>();

        ActionIndex(List<Shape> shapes) {
            this.all = shapes;
            for (Shape shape : shapes) {
                Set<String> keys = shape.literalActions();
                if (keys == null) {
                    unindexed.add(shape);
                } else {
                    for (String key : keys) {
                        byLiteralAction.computeIfAbsent(key, k -> new ArrayList<>()).add(shape);
                    }
                }
            }
        }

        /** Every statement that may cover {@code narrow}, in document order (a superset of those that do). */
        List<Shape> candidates(Shape narrow) {
            String key = narrow.firstActionKey();
            if (key == null) {
                return all;
            }
            List<Shape> indexed = byLiteralAction.getOrDefault(key, List.of());
            if (unindexed.isEmpty()) {
                return indexed;
            }
            // both lists are in document order: merge them
            List<Shape> merged = new ArrayList<>(indexed.size() + unindexed.size());
            int i = 0;
            int j = 0;
            while (i < indexed.size() || j < unindexed.size()) {
                if (j == unindexed.size() || (i < indexed.size()
                        && indexed.get(i).statement.index() < unindexed.get(j).statement.index())) {
                    merged.add(indexed.get(i++));
                } else {
                    merged.add(unindexed.get(j++));
                }
            }
            return merged;
        }
    }

    private static Set<String> principals(PrincipalElement element) {
        Set<String> set = new HashSet<>();
        for (PrincipalId id : element.principals()) {
            set.add(id.type() + " " + id.value().text());
        }
        return set;
    }

    /** Whether each pattern of {@code narrow} is matched by some pattern of {@code wide}. */
    private static <T> boolean everyCovered(T[] wide, T[] narrow, BiPredicate<T, T> covers) {
        for (T n : narrow) {
            boolean covered = false;
            for (T w : wide) {
                if (covers.test(w, n)) {
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
