package dev.iamgate.eval;

import dev.iamgate.internal.RequestKeys;
import java.util.ArrayList;
import java.util.Collections;
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
    /**
     * The keys by lower-cased name, in insertion order, each with its name as given: lookups need
     * no case folding of the stored keys. Taken over from the builder, which copies it before it
     * changes again (a builder usually builds once).
     */
    private final Map<String, Key> keysByLowerName;
    private final String lowerAction;
    private final String lowerService;
    private final RequestKeys requestKeys;

    private RequestContext(Builder builder) {
        this.principal = builder.principal;
        this.action = Objects.requireNonNull(builder.action, "action");
        this.resource = Objects.requireNonNull(builder.resource, "resource");
        this.keysByLowerName = builder.keys;
        this.lowerAction = action.toLowerCase(Locale.ROOT);
        int colon = lowerAction.indexOf(':');
        this.lowerService = colon < 0 ? lowerAction : lowerAction.substring(0, colon);
        this.requestKeys = this::valuesOfLowerName;
    }

    /** One key: its name as given and its values (never empty). */
    private record Key(String name, List<String> values) {}

    /**
     * A condition key name together with its lower-cased form, computed once: for callers that set
     * the same keys on every request, such as a filter's global keys.
     */
    public static final class KeyName {
        private final String name;
        private final String lowerName;

        private KeyName(String name) {
            this.name = name;
            this.lowerName = name.toLowerCase(Locale.ROOT);
        }

        /** The name {@code name}, compared case-insensitively like any key name. */
        public static KeyName of(String name) {
            return new KeyName(Objects.requireNonNull(name, "name"));
        }

        /** The name as given. */
        public String name() {
            return name;
        }

        /** The name lower-cased ({@link Locale#ROOT}), the form key names are compared in. */
        public String lowerCaseName() {
            return lowerName;
        }

        @Override
        public String toString() {
            return name;
        }
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
        keysByLowerName.values().forEach(key -> keys.put(key.name(), key.values()));
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
        Key key = keysByLowerName.get(lowerName);
        return key == null ? List.of() : key.values();
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
        private Map<String, Key> keys = new LinkedHashMap<>(32); // room for a filter's ~16 keys without resizing
        /** Whether a built context holds {@link #keys}: then the next change works on a copy. */
        private boolean keysShared;

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
            return put(name, name.toLowerCase(Locale.ROOT), List.of(Objects.requireNonNull(value, "value")));
        }

        /** {@link #key(String, String)} for a name whose lower-cased form is known already. */
        public Builder key(KeyName name, String value) {
            return put(name.name, name.lowerName, List.of(Objects.requireNonNull(value, "value")));
        }

        /** Sets a multivalued key; an empty list makes the key absent. */
        public Builder key(String name, List<String> keyValues) {
            return put(name, name.toLowerCase(Locale.ROOT), List.copyOf(keyValues));
        }

        /** Adds one value to a key, making it multivalued when it already has one. */
        public Builder addValue(String name, String value) {
            String lower = name.toLowerCase(Locale.ROOT);
            Key existing = keys.get(lower);
            List<String> all = new ArrayList<>(existing == null ? List.of() : existing.values());
            all.add(Objects.requireNonNull(value, "value"));
            return put(name, lower, List.copyOf(all));
        }

        private Builder put(String name, String lower, List<String> values) {
            if (keysShared) {
                keys = new LinkedHashMap<>(keys);
                keysShared = false;
            }
            if (values.isEmpty()) {
                keys.remove(lower);
            } else if (keys.put(lower, new Key(name, values)) != null) {
                // a replaced key moves to the end, as if set for the first time
                Key replacement = keys.remove(lower);
                keys.put(lower, replacement);
            }
            return this;
        }

        public RequestContext build() {
            keysShared = true;
            return new RequestContext(this);
        }
    }
}
