package dev.iamgate.internal.match;

import dev.iamgate.internal.RequestKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request keys for tests. */
final class TestKeys {

    private TestKeys() {}

    /** Single-valued keys from alternating names and values; names are lower-cased as the contract requires. */
    static RequestKeys keys(String... namesAndValues) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i].toLowerCase(java.util.Locale.ROOT), List.of(namesAndValues[i + 1]));
        }
        return key -> map.getOrDefault(key, List.of());
    }

    /** One multivalued key. */
    static RequestKeys multivalued(String name, String... values) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return key -> key.equals(lower) ? List.of(values) : List.of();
    }
}
