package dev.iamgate.internal.condition;

import dev.iamgate.internal.RequestKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Request keys for tests: keys lower-cased on the way in, as the request side will do. */
final class TestKeys implements RequestKeys {

    private final Map<String, List<String>> values = new HashMap<>();

    /** No keys at all. */
    static TestKeys none() {
        return new TestKeys();
    }

    /** One key with the given values ({@code keys("k")} is a present-but-empty list). */
    static TestKeys keys(String key, String... values) {
        return new TestKeys().with(key, values);
    }

    TestKeys with(String key, String... keyValues) {
        values.put(key.toLowerCase(Locale.ROOT), List.of(keyValues));
        return this;
    }

    @Override
    public List<String> values(String lowerCaseKey) {
        return values.getOrDefault(lowerCaseKey, List.of());
    }
}
