package dev.iamgate.internal;

import java.util.List;

/**
 * Read access to a request's condition keys for compiled policies. Keys are given in lower case
 * (ASCII), since condition key names compare case-insensitively.
 */
public interface RequestKeys {

    /** The key's values; an empty list when the key is absent. Never null. */
    List<String> values(String lowerCaseKey);

    /** The key's value when it has exactly one, otherwise null (absent or multivalued). */
    default String single(String lowerCaseKey) {
        List<String> values = values(lowerCaseKey);
        return values.size() == 1 ? values.get(0) : null;
    }

    /** A request without any condition key. */
    RequestKeys NONE = key -> List.of();
}
