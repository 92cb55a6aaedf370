package dev.iamgate.internal.condition;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.SetQualifier;
import java.util.List;
import java.util.Locale;

/**
 * The part of the evaluation algorithm shared by every family but Null: key lookup, set
 * qualifiers, {@code IfExists} and negation. Subclasses supply only {@link #matchesAny}.
 */
abstract sealed class KeyedCondition
        permits StringCondition,
                NumericCondition,
                DateCondition,
                BoolCondition,
                BinaryCondition,
                IpAddressCondition,
                ArnCondition {

    private final ConditionOperator operator;
    private final String lowerCaseKey;
    private final SetQualifier qualifier;
    private final boolean ifExists;
    private final boolean negated;
    /** Whether the policy lists no values for the key ({@code "key": []}). */
    private final boolean noPolicyValues;

    KeyedCondition(Condition source) {
        this.operator = source.operator();
        // interned: a set repeats a few keys thousands of times, and the JVM's table drops them with it
        this.lowerCaseKey = source.key().text().toLowerCase(Locale.ROOT).intern();
        this.qualifier = source.operator().qualifier();
        this.ifExists = source.operator().ifExists();
        this.negated = source.operator().type().negated();
        this.noPolicyValues = source.values().isEmpty();
    }

    /** The same condition, for {@link #bind}. */
    KeyedCondition(KeyedCondition same) {
        this.operator = same.operator;
        this.lowerCaseKey = same.lowerCaseKey;
        this.qualifier = same.qualifier;
        this.ifExists = same.ifExists;
        this.negated = same.negated;
        this.noPolicyValues = same.noPolicyValues;
    }

    /**
     * This condition for one request whose key has several values: a family whose policy values
     * hold variables substitutes them once here rather than once per request value, so a set
     * operator stays linear in the request's values. Itself by default.
     */
    KeyedCondition bind(RequestKeys keys) {
        return this;
    }

    /**
     * {@code any(v: match(requestValue, v))} over the compiled policy values; negation is applied
     * by the caller.
     */
    abstract boolean matchesAny(String requestValue, RequestKeys keys);

    /** See {@link CompiledCondition#test}. */
    public final boolean test(RequestKeys keys) {
        List<String> values = keys.values(lowerCaseKey);
        int size = values.size();
        if (qualifier != SetQualifier.NONE && onlyEmptyStrings(values, size)) {
            // The IAM User Guide (multivalued context keys): when the key's values resolve to an
            // empty data set, such as an empty string, ForAllValues is true and ForAnyValue false,
            // the answers for an absent key.
            size = 0;
        }
        if (noPolicyValues && size > 0) {
            // The IAM User Guide's policy check reference: with an empty list of values, ForAnyValue
            // "never matches", and ForAllValues and IfExists match "only if the key is missing from
            // the request context" (IfExists with the key present is the plain operator). Negated
            // operators included, though "none of no values" would be vacuously true.
            return false;
        }
        KeyedCondition bound = size > 1 ? bind(keys) : this;
        // Indexed loops: RequestKeys hands out random-access lists, and an iterator would allocate.
        if (qualifier == SetQualifier.FOR_ALL_VALUES) {
            for (int i = 0; i < size; i++) {
                if (!bound.testValue(values.get(i), keys)) {
                    return false;
                }
            }
            return true;
        }
        if (qualifier == SetQualifier.FOR_ANY_VALUE) {
            for (int i = 0; i < size; i++) {
                if (bound.testValue(values.get(i), keys)) {
                    return true;
                }
            }
            return false;
        }
        if (size == 0) {
            return ifExists || negated;
        }
        // A plain operator on a multivalued key: iam-simulate answers false, and AWS tooling
        // rejects the policy (MissingQualifier), so no value is allowed to decide it.
        return size == 1 && testValue(values.get(0), keys);
    }

    /** Whether the request's values, present or not, hold nothing but empty strings. */
    private static boolean onlyEmptyStrings(List<String> values, int size) {
        for (int i = 0; i < size; i++) {
            if (!values.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a negated operator must answer false for this request value even though no policy
     * value matched it: Numeric, Date and IP operators cannot say "different" about a value that
     * does not parse, on either side. AWS documents nothing here; this follows the reference
     * simulator the conformance corpus is labelled with.
     */
    boolean negationUndecidable(String requestValue) {
        return false;
    }

    private boolean testValue(String requestValue, RequestKeys keys) {
        if (negated) {
            return !matchesAny(requestValue, keys) && !negationUndecidable(requestValue);
        }
        return matchesAny(requestValue, keys);
    }

    /** See {@link CompiledCondition#operator}. */
    public final ConditionOperator operator() {
        return operator;
    }

    @Override
    public final String toString() {
        return operator.jsonName() + " " + lowerCaseKey;
    }
}
