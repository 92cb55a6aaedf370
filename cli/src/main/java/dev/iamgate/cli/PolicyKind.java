package dev.iamgate.cli;

import dev.iamgate.eval.PolicySet;
import dev.iamgate.policy.Policy;
import java.util.List;

/**
 * The kinds of policy a case may give as an array of policy documents, by their names in the
 * {@code policies} object. SCPs and RCPs, which come in levels, are not among them.
 */
enum PolicyKind {
    IDENTITY("identity"),
    RESOURCE("resource"),
    BOUNDARY("boundary"),
    SESSION("session");

    private static final PolicyKind[] KINDS = values();

    /** Policy names for the first indexes, made once rather than per case. */
    private static final int NAMED = 8;

    private final String key;
    private final String[] names = new String[NAMED];

    PolicyKind(String key) {
        this.key = key;
        for (int i = 0; i < NAMED; i++) {
            names[i] = name(key, i);
        }
    }

    /** The kind whose key is {@code bytes[from, to)} (ASCII), or null. */
    static PolicyKind named(byte[] bytes, int from, int to) {
        for (PolicyKind kind : KINDS) {
            if (kind.key.length() == to - from && kind.keyAt(bytes, from)) {
                return kind;
            }
        }
        return null;
    }

    private boolean keyAt(byte[] bytes, int from) {
        for (int i = 0; i < key.length(); i++) {
            if (bytes[from + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The name a policy of this kind gets in errors and decisions: {@code identity[0]}. */
    String policyName(int index) {
        return index < NAMED ? names[index] : name(key, index);
    }

    /** Adds policies of this kind to a set being built. */
    void addTo(PolicySet.Builder builder, List<Policy> policies) {
        switch (this) {
            case IDENTITY -> builder.identity(policies);
            case RESOURCE -> builder.resource(policies);
            case BOUNDARY -> builder.permissionsBoundary(policies);
            case SESSION -> builder.sessionPolicies(policies);
        }
    }

    private static String name(String key, int index) {
        return key + "[" + index + "]";
    }
}
