package dev.iamgate.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A condition operator as written in a {@code Condition} block, e.g.
 * {@code ForAnyValue:StringLikeIfExists}.
 *
 * @param qualifier the {@code ForAllValues:} / {@code ForAnyValue:} prefix, if any
 * @param type the base operator
 * @param ifExists whether the {@code IfExists} suffix is present
 */
public record ConditionOperator(SetQualifier qualifier, OperatorType type, boolean ifExists) {

    private static final String IF_EXISTS = "IfExists";

    public ConditionOperator {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Reads an operator name. Spelling is exact, as in IAM. {@code NullIfExists} is not an operator
     * and yields empty.
     */
    public static Optional<ConditionOperator> parse(String name) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = name;
        for (SetQualifier q : SetQualifier.values()) {
            if (q != SetQualifier.NONE && rest.startsWith(q.prefix())) {
                qualifier = q;
                rest = rest.substring(q.prefix().length());
                break;
            }
        }
        Optional<OperatorType> exact = OperatorType.fromJsonName(rest);
        if (exact.isPresent()) {
            return Optional.of(new ConditionOperator(qualifier, exact.get(), false));
        }
        if (rest.endsWith(IF_EXISTS)) {
            Optional<OperatorType> base =
                    OperatorType.fromJsonName(rest.substring(0, rest.length() - IF_EXISTS.length()));
            if (base.isPresent() && base.get() != OperatorType.NULL) {
                return Optional.of(new ConditionOperator(qualifier, base.get(), true));
            }
        }
        return Optional.empty();
    }

    /** The operator as IAM spells it. */
    public String jsonName() {
        return qualifier.prefix() + type.jsonName() + (ifExists ? IF_EXISTS : "");
    }

    @Override
    public String toString() {
        return jsonName();
    }
}
