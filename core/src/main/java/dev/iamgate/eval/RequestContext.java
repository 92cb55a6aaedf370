package dev.iamgate.eval;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.internal.match.CaseFold;
import java.util.ArrayList;
import java.util.Arrays;
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
    /**
     * The keys, taken over from the builder, which copies them before it changes them again (a
     * builder usually builds once).
     */
    private final Keys keys;
    private final String lowerAction;
    private final String lowerService;

    private RequestContext(Builder builder) {
        this.principal = builder.principal;
        this.action = Objects.requireNonNull(builder.action, "action");
        this.resource = Objects.requireNonNull(builder.resource, "resource");
        this.keys = builder.keys.frozen();
        if (builder.actionName != null) {
            this.lowerAction = builder.actionName.lowerName;
            this.lowerService = builder.actionName.lowerService;
        } else {
            this.lowerAction = CaseFold.fold(action);
            this.lowerService = ActionName.serviceOf(lowerAction);
        }
    }

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

    /**
     * An action together with its lower-cased form and service, computed once: for callers that
     * ask about the same actions on every request, such as a filter's routes. Actions compare
     * case-insensitively, so evaluation reads the lower-cased form.
     */
    public static final class ActionName {
        private final String name;
        private final String lowerName;
        private final String lowerService;

        private ActionName(String name) {
            this.name = name;
            this.lowerName = CaseFold.fold(name);
            this.lowerService = serviceOf(lowerName);
        }

        /** The action {@code name}, {@code service:Name}. */
        public static ActionName of(String name) {
            return new ActionName(Objects.requireNonNull(name, "action"));
        }

        /** The action as given. */
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }

        private static String serviceOf(String lowerAction) {
            int colon = lowerAction.indexOf(':');
            return colon < 0 ? lowerAction : lowerAction.substring(0, colon);
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
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (int i = 0; i < keys.size; i++) {
            all.put(keys.names[i], keys.values[i]);
        }
        return Collections.unmodifiableMap(all);
    }

    /** The values of a condition key (name compared case-insensitively); empty when absent. */
    public List<String> values(String key) {
        return keys.values(key.toLowerCase(Locale.ROOT));
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
        return keys;
    }

    @Override
    public String toString() {
        return "RequestContext[principal=" + principal + ", action=" + action + ", resource=" + resource
                + ", keys=" + keys() + "]";
    }

    /**
     * The condition keys in insertion order, in parallel arrays: a request usually has a handful of
     * keys, which a scan finds as fast as a hash table would, without a table and an entry per key
     * to allocate. Past {@link #SCAN_LIMIT} keys, a frozen set adds a hash index.
     */
    static final class Keys implements RequestKeys {

        static final int SCAN_LIMIT = 8;

        private String[] lowerNames;
        private String[] names;
        private List<String>[] values;
        private int size;
        /** Position of each lower-cased name; only for a frozen set of more than {@link #SCAN_LIMIT} keys. */
        private Map<String, Integer> index;

        @SuppressWarnings("unchecked")
        Keys(int capacity) {
            this.lowerNames = new String[capacity];
            this.names = new String[capacity];
            this.values = new List[capacity];
        }

        private Keys(Keys other) {
            this.lowerNames = other.lowerNames.clone();
            this.names = other.names.clone();
            this.values = other.values.clone();
            this.size = other.size;
        }

        Keys copy() {
            return new Keys(this);
        }

        /** These keys, ready for lookups; not to be changed any more. */
        Keys frozen() {
            if (size > SCAN_LIMIT && index == null) {
                Map<String, Integer> positions = new HashMap<>(size * 2);
                for (int i = 0; i < size; i++) {
                    positions.put(lowerNames[i], i);
                }
                index = positions;
            }
            return this;
        }

        int size() {
            return size;
        }

        @Override
        public List<String> values(String lowerCaseKey) {
            int at = find(lowerCaseKey);
            return at < 0 ? List.of() : values[at];
        }

        private int find(String lowerName) {
            if (index != null) {
                Integer at = index.get(lowerName);
                return at == null ? -1 : at;
            }
            for (int i = 0; i < size; i++) {
                if (lowerNames[i].equals(lowerName)) {
                    return i;
                }
            }
            return -1;
        }

        /** Sets a key; an empty list removes it. A replaced key moves to the end, as if set for the first time. */
        void put(String name, String lowerName, List<String> keyValues) {
            int at = find(lowerName);
            if (at >= 0) {
                remove(at);
            }
            if (keyValues.isEmpty()) {
                return;
            }
            if (size == lowerNames.length) {
                int capacity = Math.max(4, size * 2);
                lowerNames = Arrays.copyOf(lowerNames, capacity);
                names = Arrays.copyOf(names, capacity);
                values = Arrays.copyOf(values, capacity);
            }
            lowerNames[size] = lowerName;
            names[size] = name;
            values[size] = keyValues;
            size++;
        }

        private void remove(int at) {
            int after = size - at - 1;
            System.arraycopy(lowerNames, at + 1, lowerNames, at, after);
            System.arraycopy(names, at + 1, names, at, after);
            System.arraycopy(values, at + 1, values, at, after);
            size--;
            lowerNames[size] = null;
            names[size] = null;
            values[size] = null;
        }
    }

    /** Builds a {@link RequestContext}; action and resource are required. */
    public static final class Builder {
        private String principal = "";
        private String action;
        /** The action with its lower-cased forms, when given so; null when given as text. */
        private ActionName actionName;
        private String resource;
        private Keys keys = new Keys(4); // grows by doubling; a filter usually sets a few keys
        /** Whether a built context holds {@link #keys}: then the next change works on a copy. */
        private boolean keysShared;

        private Builder() {}

        public Builder principal(String principalArn) {
            this.principal = Objects.requireNonNull(principalArn, "principal");
            return this;
        }

        public Builder action(String action) {
            this.action = Objects.requireNonNull(action, "action");
            this.actionName = null;
            return this;
        }

        /** {@link #action(String)} for an action whose lower-cased form is known already. */
        public Builder action(ActionName action) {
            this.action = Objects.requireNonNull(action, "action").name;
            this.actionName = action;
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
            List<String> all = new ArrayList<>(keys.values(lower));
            all.add(Objects.requireNonNull(value, "value"));
            return put(name, lower, List.copyOf(all));
        }

        private Builder put(String name, String lower, List<String> values) {
            if (keysShared) {
                keys = keys.copy();
                keysShared = false;
            }
            keys.put(name, lower, values);
            return this;
        }

        public RequestContext build() {
            keysShared = true;
            return new RequestContext(this);
        }
    }
}
