package dev.iamgate.internal.validate;

import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.OperatorFamily;
import dev.iamgate.policy.OperatorType;
import dev.iamgate.policy.SetQualifier;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A statement whose conditions on one key can never all hold: the key must be both absent and
 * present (Null true beside an operator that needs a value), or no single value satisfies them
 * (Bool true and false, NumericLessThan 5 and NumericGreaterThan 10, StringEquals a and b). Only
 * plain operators with literal values are reasoned about; anything else is assumed satisfiable,
 * so a statement is never called unreachable when it is not.
 */
final class UnreachableStatementCheck implements PolicyCheck {

    @Override
    public void check(PolicyContext context, Findings findings) {
        for (Statement statement : context.policy().statements()) {
            Map<String, List<Condition>> byKey = new LinkedHashMap<>();
            for (Condition condition : statement.conditions()) {
                byKey.computeIfAbsent(condition.key().text().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(condition);
            }
            for (List<Condition> group : byKey.values()) {
                String reason = group.size() < 2 ? null : contradiction(group);
                if (reason != null) {
                    findings.report(CheckId.UNREACHABLE_STATEMENT,
                            group.get(group.size() - 1).location(), "Statement "
                                    + Quote.name(statement.displayName()) + " can never apply: " + reason
                                    + ".");
                    break;
                }
            }
        }
    }

    /** Why the conditions on one key cannot all hold, or null if they can. */
    private static String contradiction(List<Condition> group) {
        Condition needsKey = null;
        for (Condition condition : group) {
            if (!holdsWhenAbsent(condition.operator(), condition.values())) {
                needsKey = condition;
            }
        }
        if (needsKey == null) {
            return null; // all true when the key is absent
        }
        String key = Quote.name(group.get(0).key().text());
        for (Condition condition : group) {
            if (condition.operator().type() == OperatorType.NULL
                    && condition.values().stream().noneMatch(v -> is(v, "false"))) {
                Condition present = firstNeedingPresence(group);
                return present == null ? null : "Null requires " + key + " to be absent, while "
                        + present.operator().jsonName() + " requires it to be present";
            }
        }
        List<Condition> plain = new ArrayList<>();
        for (Condition condition : group) {
            boolean literal = condition.values().stream()
                    .noneMatch(v -> VariableRefs.mentions(v.text()));
            if (condition.operator().qualifier() == SetQualifier.NONE && literal) {
                plain.add(condition);
            }
        }
        String reason = bools(plain);
        if (reason == null) {
            reason = strings(plain);
        }
        if (reason == null) {
            reason = new Bounds<BigDecimal>(Comparator.naturalOrder())
                    .read(plain, OperatorFamily.NUMERIC, ValueSemantics::isNumber, BigDecimal::new);
        }
        if (reason == null) {
            reason = new Bounds<String>(ValueSemantics::compareDates)
                    .read(plain, OperatorFamily.DATE, ValueSemantics::isDate, s -> s);
        }
        return reason == null ? null : reason + " on " + key;
    }

    private static boolean holdsWhenAbsent(ConditionOperator operator, List<TextValue> values) {
        if (operator.type() == OperatorType.NULL) {
            return values.stream().anyMatch(v -> is(v, "true"));
        }
        return switch (operator.qualifier()) {
            case FOR_ALL_VALUES -> true;
            case FOR_ANY_VALUE -> false;
            case NONE -> operator.ifExists() || operator.type().negated();
        };
    }

    private static Condition firstNeedingPresence(List<Condition> group) {
        for (Condition condition : group) {
            if (condition.operator().type() != OperatorType.NULL
                    && !holdsWhenAbsent(condition.operator(), condition.values())) {
                return condition;
            }
        }
        return null;
    }

    private static String bools(List<Condition> plain) {
        Set<String> allowed = new HashSet<>(Set.of("true", "false"));
        List<String> seen = new ArrayList<>();
        for (Condition condition : plain) {
            if (condition.operator().type() != OperatorType.BOOL) {
                continue;
            }
            Set<String> values = new HashSet<>();
            for (TextValue value : condition.values()) {
                values.add(value.text().toLowerCase(Locale.ROOT));
            }
            if (!Set.of("true", "false").containsAll(values)) {
                continue; // a type mismatch, reported as such
            }
            allowed.retainAll(values);
            seen.add(describe(condition));
        }
        return seen.size() > 1 && allowed.isEmpty() ? String.join(" and ", seen) + " disagree"
                : null;
    }

    private static String strings(List<Condition> plain) {
        Set<String> allowed = null;
        Set<String> excluded = new HashSet<>();
        List<String> seen = new ArrayList<>();
        for (Condition condition : plain) {
            OperatorType type = condition.operator().type();
            if (type != OperatorType.STRING_EQUALS && type != OperatorType.STRING_NOT_EQUALS) {
                continue;
            }
            Set<String> values = new HashSet<>();
            for (TextValue value : condition.values()) {
                values.add(value.text());
            }
            if (type == OperatorType.STRING_EQUALS) {
                if (allowed == null) {
                    allowed = values;
                } else {
                    allowed.retainAll(values);
                }
            } else {
                excluded.addAll(values);
            }
            seen.add(describe(condition));
        }
        if (allowed == null || seen.size() < 2) {
            return null;
        }
        allowed.removeAll(excluded);
        return allowed.isEmpty() ? String.join(" and ", seen) + " leave no value" : null;
    }

    static String describe(Condition condition) {
        List<String> values = new ArrayList<>();
        for (TextValue value : condition.values()) {
            values.add(Quote.name(value.text()));
        }
        return condition.operator().jsonName() + " "
                + (values.size() == 1 ? values.get(0) : values.toString());
    }

    private static boolean is(TextValue value, String text) {
        return value.text().equalsIgnoreCase(text);
    }
}
