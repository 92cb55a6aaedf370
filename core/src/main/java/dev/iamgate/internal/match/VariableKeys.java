package dev.iamgate.internal.match;

import java.util.Set;

/**
 * The condition keys that the policy variables of a policy string read, found by the same parser
 * and under the same rules as the matchers that resolve them, so that a caller can tell which keys
 * a request needs at all.
 */
public final class VariableKeys {

    private VariableKeys() {}

    /**
     * Adds the lower-case keys of the variables in a condition value, as {@link ValueTemplate},
     * {@link GlobPattern} and {@link ArnConditionPattern} substitute them (the whole text).
     */
    public static void inValue(String text, boolean variablesEnabled, Set<String> out) {
        if (variablesEnabled && text.contains("${")) {
            VariableParser.parse(text, 0, true, new Collector(out));
        }
    }

    /**
     * Adds the lower-case keys of the variables in a {@code Resource}/{@code NotResource} entry,
     * as {@link ResourcePattern} substitutes them: only after the fifth colon.
     */
    public static void inResource(String text, boolean variablesEnabled, Set<String> out) {
        if (!variablesEnabled || !text.contains("${")) {
            return;
        }
        int resourcePart = ResourcePattern.afterFifthColon(text);
        if (resourcePart >= 0) {
            VariableParser.parse(text, resourcePart, true, new Collector(out));
        }
    }

    private record Collector(Set<String> out) implements VariableParser.Sink {
        @Override
        public void raw(char c) {}

        @Override
        public void escaped(char c) {}

        @Override
        public void variable(Variable variable) {
            out.add(variable.key());
        }
    }
}
