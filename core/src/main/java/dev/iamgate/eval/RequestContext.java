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
    /** Values by lower-cased key name: lookups need no case folding of the stored keys. */
    private final Map<String, List<String>> keysByLowerName;
    /** The key names as given, by lower-cased name, in insertion order. */
    private final Map<String, String> namesAsWritten;
    private final String lowerAction;
    private final String lowerService;
    private final RequestKeys requestKeys;

    private RequestContext(Builder builder) {
        this.principal = builder.principal;
        this.action = Objects.requireNonNull(builder.action, "action");
        this.resource = Objects.requireNonNull(builder.resource, "resource");
        this.keysByLowerName = new HashMap<>(builder.values);
        this.namesAsWritten = new LinkedHashMap<>(builder.names);
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

    /** The condition keys with their names as given, in insertion order. */
    public Map<String, List<String>> keys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        namesAsWritten.forEach((lower, name) -> keys.put(name, keysByLowerName.get(lower)));
        return Collections.unmodifiableMap(keys);
    }

    /** The values of a condition key (name compared case-insensitively); empty when absent. */
    public List<String> values(String key) {
        return valuesOfLowerName(key.toLowerCase(Locale.ROOT));
    }

    /** A builder starting from this request, to vary one part of it. */
    public Builder toBuilder() {
        Builder builder = new Builder().principal(principal).action(action).resource(resource);
        keys().forEach(builder::key);
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
                + ", keys=" + keys() + "]";
    }

    /** Builds a {@link RequestContext}; action and resource are required. */
    public static final class Builder {
        private String principal = "";
        private String action;
        private String resource;
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, List<String>> values = new HashMap<>();

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
        public Builder key(String name, List<String> keyValues) {
            String lower = name.toLowerCase(Locale.ROOT);
            List<String> copy = List.copyOf(keyValues);
            names.remove(lower);
            values.remove(lower);
            if (!copy.isEmpty()) {
                names.put(lower, name);
                values.put(lower, copy);
            }
            return this;
        }

        /** Adds one value to a key, making it multivalued when it already has one. */
        public Builder addValue(String name, String value) {
            List<String> all = new ArrayList<>(values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
            all.add(Objects.requireNonNull(value, "value"));
            return key(name, all);
        }

        public RequestContext build() {
            return new RequestContext(this);
        }
    }
}
