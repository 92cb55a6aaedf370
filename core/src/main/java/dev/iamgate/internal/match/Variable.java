package dev.iamgate.internal.match;

import dev.iamgate.internal.RequestKeys;

/**
 * A policy variable reference {@code ${key}} or {@code ${key, 'default'}}.
 *
 * @param key the condition key, lower-cased with {@link java.util.Locale#ROOT}
 * @param defaultValue the text used when the key has no single value, or null
 */
record Variable(String key, String defaultValue) {

    /**
     * The substitution text, or null when unresolvable. A multivalued key cannot be a variable, so
     * it falls back to the default exactly like an absent key.
     */
    String resolve(RequestKeys keys) {
        String value = keys.single(key);
        return value != null ? value : defaultValue;
    }
}
