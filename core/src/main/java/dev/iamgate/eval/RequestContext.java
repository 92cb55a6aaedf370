package dev.iamgate.eval;

import dev.iamgate.internal.RequestKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One request to authorize: who asks (principal ARN), to do what (action), on what (resource ARN
 * or {@code *}), with which condition keys. Immutable and thread-safe; build one with
 * {@link #builder()}.
 *
 * <p>Condition key names compare case-insensitively. A key is either single-valued or
 * multivalued (a list, like {@code aws:TagKeys}); a key with an empty list counts as absent.
 */
public final class RequestContext {

    private final String principal;
    private final String action;
    private final String resource;
    private final Map<String, List<String>> keysAsWritten;
    private final Map<String, List<String>> keysByLowerName;
    private final String lowerAction;
    private final String lowerService;
    private final RequestKeys requestKeys;

    private RequestContext(Builder builder) {
        this.principal = builder.principal;
        this.action = Objects.requireNonNull(builder.action, "action");
        this.resource = Objects.requireNonNull(builder.resource, "resource");
        this.keysAsWritten = Collections.unmodifiableMap(new LinkedHashMap<>(builder.keys));
        Map<String, List<String>> lower = new HashMap<>(Math.max(4, builder.keys.size() * 2));
        builder.keys.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
        this.keysByLowerName = lower;
        this.lowerAction = action.toLowerCase(Locale.ROOT);
        int colon = lowerAction.indexOf(':');
        this.lowerService = colon < 0 ? lowerAction : lowerAction.substring(0, colon);
        this.requestKeys = this::valuesOfLowerName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The caller's ARN, e.g. {@code arn:aws:iam::123456789012:user/alice}; empty for an anonymous caller. */
    public String principal() {
        return principal;
    }

    /** The action, {@code service:Name}, as given. */
    public String action() {
        return action;
    }

    /** The resource ARN, or {@code *} for actions without resource-level permissions. */
    public String resource() {
        return resource;
    }

    /** The condition keys as given, in insertion order. */
    public Map<String, List<String>> keys() {
        return keysAsWritten;
    }

    /** The values of a condition key (name compared case-insensitively); empty when absent. */
    public List<String> values(String key) {
        return valuesOfLowerName(key.toLowerCase(Locale.ROOT));
    }

    /** A builder starting from this request, to vary one part of it. */
    public Builder toBuilder() {
        Builder builder = new Builder().principal(principal).action(action).resource(resource);
        keysAsWritten.forEach(builder::key);
        return builder;
    }

    String lowerAction() {
        return lowerAction;
    }

    String lowerService() {
        return lowerService;
    }

    RequestKeys requestKeys() {
        return requestKeys;
    }

    private List<String> valuesOfLowerName(String lowerName) {
        List<String> values = keysByLowerName.get(lowerName);
        return values == null ? List.of() : values;
    }

    @Override
    public String toString() {
        return "RequestContext[principal=" + principal + ", action=" + action + ", resource=" + resource
                + ", keys=" + keysAsWritten + "]";
    }

    /** Builds a {@link RequestContext}; action and resource are required. */
    public static final class Builder {
        private String principal = "";
        private String action;
        private String resource;
        private final Map<String, List<String>> keys = new LinkedHashMap<>();

        private Builder() {}

        public Builder principal(String principalArn) {
            this.principal = Objects.requireNonNull(principalArn, "principal");
            return this;
        }

        public Builder action(String action) {
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        public Builder resource(String resource) {
            this.resource = Objects.requireNonNull(resource, "resource");
            return this;
        }

        /** Sets a single-valued key, replacing any value of the same name (compared case-insensitively). */
        public Builder key(String name, String value) {
            return key(name, List.of(Objects.requireNonNull(value, "value")));
        }

        /** Sets a multivalued key; an empty list makes the key absent. */
        public Builder key(String name, List<String> values) {
            Objects.requireNonNull(name, "name");
            List<String> copy = List.copyOf(values);
            keys.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            if (!copy.isEmpty()) {
                keys.put(name, copy);
            }
            return this;
        }

        /** Adds one value to a key, making it multivalued when it already has one. */
        public Builder addValue(String name, String value) {
            List<String> values = new ArrayList<>();
            keys.forEach((existing, existingValues) -> {
                if (existing.equalsIgnoreCase(name)) {
                    values.addAll(existingValues);
                }
            });
            values.add(Objects.requireNonNull(value, "value"));
            return key(name, values);
        }

        public RequestContext build() {
            return new RequestContext(this);
        }
    }
}
