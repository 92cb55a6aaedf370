package dev.iamgate.internal.validate;

import dev.iamgate.internal.validate.GlobalKeys.GlobalKey;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.OperatorFamily;
import dev.iamgate.policy.SetQualifier;
import dev.iamgate.policy.Statement;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Condition operators and keys: key names, set qualifiers against single- and multivalued keys,
 * operator families against key types, keys repeated in another case.
 */
final class ConditionKeyChecks implements PolicyCheck {

    @Override
    public void check(PolicyContext context, Findings findings) {
        for (Statement statement : context.policy().statements()) {
            Map<String, Condition> seen = new HashMap<>();
            for (Condition condition : statement.conditions()) {
                operator(condition, findings);
                key(condition, findings);
                repeatedInOtherCase(condition, seen, findings);
            }
        }
    }

    private static void operator(Condition condition, Findings findings) {
        ConditionOperator operator = condition.operator();
        if (operator.type().family() == OperatorFamily.NULL
                && operator.qualifier() != SetQualifier.NONE) {
            findings.report(CheckId.NULL_WITH_QUALIFIER, condition.location(), operator.jsonName()
                    + ": Null tests whether the key exists at all; "
                    + operator.qualifier().prefix() + " adds nothing but confusion.");
        }
        if (operator.qualifier() == SetQualifier.FOR_ANY_VALUE && operator.type().negated()) {
            findings.report(CheckId.FOR_ANY_VALUE_WITH_NEGATED_OPERATOR, condition.location(),
                    operator.jsonName() + " on " + Quote.name(condition.key().text()) + " is true as soon as"
                            + " one request value is not listed; ForAllValues means none of them.");
        }
    }

    private static void key(Condition condition, Findings findings) {
        String key = condition.key().text();
        if (VariableRefs.mentions(key)) {
            return; // VariableChecks reports it
        }
        String problem = keyFormatProblem(key);
        if (problem != null) {
            findings.report(CheckId.INVALID_CONDITION_KEY_FORMAT, condition.location(),
                    "Condition key " + Quote.of(key) + " " + problem + ".");
            return;
        }
        if (!GlobalKeys.isGlobal(key)) {
            return; // service keys: no catalogue to check them against
        }
        Optional<GlobalKey> found = GlobalKeys.find(key);
        if (found.isEmpty()) {
            findings.report(CheckId.INVALID_GLOBAL_CONDITION_KEY, condition.location(),
                    Quote.of(key) + " is not a global condition key." + GlobalKeys.suggestion(key));
            return;
        }
        GlobalKey global = found.get();
        if (global.replacement() != null) {
            findings.report(CheckId.DEPRECATED_GLOBAL_CONDITION_KEY, condition.location(),
                    global.name() + " is deprecated; use " + global.replacement() + ".");
        }
        ConditionOperator operator = condition.operator();
        OperatorFamily family = operator.type().family();
        if (family != OperatorFamily.NULL) {
            if (operator.qualifier() == SetQualifier.FOR_ALL_VALUES && !global.multivalued()) {
                findings.report(CheckId.FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY, condition.location(),
                        Quote.name(global.name()) + " is single-valued: " + operator.jsonName()
                                + " is also true when the key is absent.");
            }
            if (operator.qualifier() == SetQualifier.FOR_ANY_VALUE && !global.multivalued()) {
                findings.report(CheckId.FOR_ANY_VALUE_WITH_SINGLE_VALUED_KEY, condition.location(),
                        Quote.name(global.name()) + " is single-valued: " + operator.jsonName()
                                + " works like the plain operator, except that it is false when"
                                + " the key is absent.");
            }
            if (operator.qualifier() == SetQualifier.NONE && global.multivalued()) {
                findings.report(CheckId.MISSING_QUALIFIER, condition.location(), Quote.name(global.name())
                        + " is multivalued: write ForAllValues:" + operator.jsonName()
                        + " or ForAnyValue:" + operator.jsonName() + ".");
            }
        }
        if (!global.type().accepts(family)) {
            findings.report(CheckId.TYPE_MISMATCH, condition.location(), operator.jsonName()
                    + " compares " + family.name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ')
                    + " values, but " + Quote.name(global.name()) + " is of type "
                    + global.type().displayName() + ".");
        }
    }

    /** Why the key is not {@code prefix:name}, or null if it is. */
    static String keyFormatProblem(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            return "has no service prefix; write prefix:name";
        }
        if (colon == key.length() - 1) {
            return "has no name after the colon";
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isWhitespace(key.charAt(i))) {
                return "contains whitespace";
            }
        }
        if (key.endsWith("/")) {
            return "has no tag key after the slash";
        }
        return null;
    }

    /** Keys compare ignoring case, so two spellings of one key under one operator repeat it. */
    private static void repeatedInOtherCase(Condition later, Map<String, Condition> seen,
            Findings findings) {
        // exact repeats are duplicate JSON keys, which the parser rejects
        String id = later.operator().jsonName() + ' ' + later.key().text().toLowerCase(Locale.ROOT);
        Condition earlier = seen.putIfAbsent(id, later);
        if (earlier != null) {
            findings.report(CheckId.DUPLICATE_KEYS_WITH_DIFFERENT_CASE, later.location(),
                    Quote.of(later.key().text()) + " repeats " + Quote.of(earlier.key().text())
                            + " from " + PolicyContext.line(earlier.location()) + " under "
                            + later.operator().jsonName() + "; condition keys ignore case.");
        }
    }
}
