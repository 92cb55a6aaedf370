package dev.iamgate.policy;

/**
 * The policy language version. Only {@link #V2012_10_17} substitutes policy variables; under the
 * other two, {@code ${...}} is literal text.
 */
public enum PolicyVersion {
    V2012_10_17("2012-10-17"),
    V2008_10_17("2008-10-17"),
    /** The document has no {@code Version} element. */
    UNSPECIFIED("");

    private final String jsonName;

    PolicyVersion(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The value of the {@code Version} element, empty for {@link #UNSPECIFIED}. */
    public String jsonName() {
        return jsonName;
    }

    /** Whether {@code ${...}} policy variables are substituted under this version. */
    public boolean supportsVariables() {
        return this == V2012_10_17;
    }
}
