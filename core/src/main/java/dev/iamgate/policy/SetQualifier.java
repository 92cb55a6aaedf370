package dev.iamgate.policy;

/** The set operator prefixed to a condition operator for multivalued keys. */
public enum SetQualifier {
    /** No prefix: the key is expected to be single-valued. */
    NONE(""),
    /** {@code ForAllValues:} every request value must satisfy the operator (true when absent). */
    FOR_ALL_VALUES("ForAllValues:"),
    /** {@code ForAnyValue:} at least one request value must satisfy it (false when absent). */
    FOR_ANY_VALUE("ForAnyValue:");

    private final String prefix;

    SetQualifier(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix as written before the operator name. */
    public String prefix() {
        return prefix;
    }
}
