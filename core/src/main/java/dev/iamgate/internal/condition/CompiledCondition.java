package dev.iamgate.internal.condition;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.internal.match.VariableKeys;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.TextValue;
import java.util.Locale;
import java.util.Set;

/**
 * One condition (operator, key, values) compiled for evaluation against requests.
 *
 * <p>The result of {@link #test} follows the evaluation algorithm of the IAM semantics brief
 * (section 2.3), where {@code match(r, v)} is the family's comparison of request value {@code r}
 * with policy value {@code v}:
 *
 * <pre>
 * vals    = keys.values(key)          // empty list = absent
 * test(r) = negated ? none(v: match(r, v)) : any(v: match(r, v))
 * ForAllValues:  absent or only empty strings → true;  else all(r in vals: test(r))
 * ForAnyValue:   absent or only empty strings → false; else any(r in vals: test(r))
 * no qualifier:  absent → (IfExists || negated); several values → false; else test(the value)
 * Null:          any(v: (v = "true" and absent) or (v = "false" and present))
 * </pre>
 *
 * <p>Except: a key written with no policy values ({@code "k": []}) is false whenever the key is
 * present, negated operator or not, as the User Guide's policy check reference has it (ForAnyValue
 * "never matches", ForAllValues and IfExists match "only if the key is missing").
 *
 * <p>A policy value that can never match (unparsable number, date, CIDR or base64, a value other
 * than true/false for Bool, a malformed pattern) adds nothing to the OR of a positive operator, and
 * a String value whose policy variable cannot be resolved excludes nothing from the NOR of a
 * negated one (so {@code StringNotEquals} is true for it, as the AWS User Guide documents). A
 * negated Numeric, Date, IP or ARN operator, however, is false when a value on either side does not
 * parse: it cannot tell "different" from "unreadable" (the reference simulator's rule; AWS
 * documents nothing here).
 *
 * <p>Instances are immutable and thread-safe. {@link #test} takes no locks and, for policy values
 * without variables, allocates nothing itself (StringLike and Arn allocate what the
 * {@code internal.match} patterns do); the exceptions are a non-integer request value for Numeric
 * operators and every BinaryEquals test, which decode into fresh objects.
 */
public sealed interface CompiledCondition
        permits StringCondition,
                NumericCondition,
                DateCondition,
                BoolCondition,
                BinaryCondition,
                IpAddressCondition,
                ArnCondition,
                NullCondition {

    /**
     * Compiles {@code condition}. Never fails: values that cannot be parsed for the operator are
     * kept out of the comparison (see the class comment), as a validator reports them separately.
     *
     * @param condition the condition as parsed from the policy
     * @param version the policy's version; policy variables are substituted in String, Arn and
     *     Bool values only when it {@linkplain PolicyVersion#supportsVariables() supports} them
     */
    static CompiledCondition compile(Condition condition, PolicyVersion version) {
        boolean variables = version.supportsVariables();
        return switch (condition.operator().type().family()) {
            case STRING -> new StringCondition(condition, variables);
            case NUMERIC -> new NumericCondition(condition);
            case DATE -> new DateCondition(condition);
            case BOOL -> new BoolCondition(condition, variables);
            case BINARY -> new BinaryCondition(condition);
            case IP_ADDRESS -> new IpAddressCondition(condition);
            case ARN -> new ArnCondition(condition, variables);
            case NULL -> new NullCondition(condition);
        };
    }

    /**
     * Adds the lower-case names of the request keys {@code condition} reads: its own key, whatever
     * the operator ({@code Null}, {@code ...IfExists} and the set qualifiers read it too, to see
     * whether it is there), and the keys of the policy variables in its values, for exactly the
     * families {@link #compile} substitutes variables in. A key this misses would be left out of
     * requests and change decisions, so keep the two in step.
     */
    static void collectReferencedKeys(Condition condition, PolicyVersion version, Set<String> out) {
        out.add(condition.key().text().toLowerCase(Locale.ROOT));
        boolean substitutes = switch (condition.operator().type().family()) {
            case STRING, BOOL, ARN -> version.supportsVariables();
            case NUMERIC, DATE, BINARY, IP_ADDRESS, NULL -> false;
        };
        if (substitutes) {
            for (TextValue value : condition.values()) {
                VariableKeys.inValue(value.text(), true, out);
            }
        }
    }

    /** Whether the request satisfies this condition. */
    boolean test(RequestKeys keys);

    /**
     * The operator this was compiled from. The key and values as written are not kept here: a
     * compiled set keeps them compactly per statement, for explanations.
     */
    ConditionOperator operator();
}
