package dev.iamgate.policy;

import java.util.Optional;

/** The kinds of principal a {@code Principal} map names, plus the bare {@code "*"}. */
public enum PrincipalType {
    /** {@code "Principal": "*"}: everyone, anonymous callers included. */
    ANYONE("*"),
    AWS("AWS"),
    SERVICE("Service"),
    FEDERATED("Federated"),
    CANONICAL_USER("CanonicalUser");

    private final String jsonName;

    PrincipalType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The key of the {@code Principal} map, or {@code *}. */
    public String jsonName() {
        return jsonName;
    }

    /** The type a {@code Principal} map key names, spelled exactly. */
    public static Optional<PrincipalType> fromMapKey(String key) {
        for (PrincipalType type : values()) {
            if (type != ANYONE && type.jsonName.equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
