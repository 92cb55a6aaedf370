package dev.iamgate.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The base condition operators of the IAM policy language, without {@code ForAllValues:} /
 * {@code ForAnyValue:} prefix or {@code IfExists} suffix.
 */
public enum OperatorType {
    STRING_EQUALS("StringEquals", OperatorFamily.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", OperatorFamily.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", OperatorFamily.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", OperatorFamily.STRING, true),
    STRING_LIKE("StringLike", OperatorFamily.STRING, false),
    STRING_NOT_LIKE("StringNotLike", OperatorFamily.STRING, true),
    NUMERIC_EQUALS("NumericEquals", OperatorFamily.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", OperatorFamily.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", OperatorFamily.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", OperatorFamily.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", OperatorFamily.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", OperatorFamily.NUMERIC, false),
    DATE_EQUALS("DateEquals", OperatorFamily.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", OperatorFamily.DATE, true),
    DATE_LESS_THAN("DateLessThan", OperatorFamily.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", OperatorFamily.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", OperatorFamily.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", OperatorFamily.DATE, false),
    BOOL("Bool", OperatorFamily.BOOL, false),
    BINARY_EQUALS("BinaryEquals", OperatorFamily.BINARY, false),
    IP_ADDRESS("IpAddress", OperatorFamily.IP_ADDRESS, false),
    NOT_IP_ADDRESS("NotIpAddress", OperatorFamily.IP_ADDRESS, true),
    ARN_EQUALS("ArnEquals", OperatorFamily.ARN, false),
    ARN_LIKE("ArnLike", OperatorFamily.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", OperatorFamily.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", OperatorFamily.ARN, true),
    NULL("Null", OperatorFamily.NULL, false);

    private final String jsonName;
    private final OperatorFamily family;
    private final boolean negated;

    OperatorType(String jsonName, OperatorFamily family, boolean negated) {
        this.jsonName = jsonName;
        this.family = family;
        this.negated = negated;
    }

    /** The canonical spelling; IAM accepts no other. */
    public String jsonName() {
        return jsonName;
    }

    public OperatorFamily family() {
        return family;
    }

    /**
     * Whether this is a negated operator: with several policy values it is true only when the
     * request value matches none of them, and it is true when the key is absent.
     */
    public boolean negated() {
        return negated;
    }

    /** The operator spelled exactly {@code name}. */
    public static Optional<OperatorType> fromJsonName(String name) {
        return Optional.ofNullable(BY_JSON_NAME.get(name));
    }

    /** Every condition of every policy looks its operator up here: one hash, not a scan of a copy of values(). */
    private static final Map<String, OperatorType> BY_JSON_NAME = byJsonName();

    private static Map<String, OperatorType> byJsonName() {
        Map<String, OperatorType> byName = new HashMap<>();
        for (OperatorType type : values()) {
            byName.put(type.jsonName, type);
        }
        return Map.copyOf(byName);
    }
}
