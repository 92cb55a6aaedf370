package dev.iamgate.internal.match;

import dev.iamgate.internal.RequestKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Text with optional policy variables, resolved against a request.
 *
 * <p>Used for condition values compared without wildcards (StringEquals and friends), so every
 * character is literal and substituted text is not re-examined (one pass, no recursion). The
 * escapes {@code ${*}}, {@code ${?}} and {@code ${$}} exist to write a literal wildcard where
 * wildcards mean something; where they do not, they are kept as written (as the reference
 * simulator does: {@code StringEquals "what${?}"} does not match {@code what?}). Immutable and
 * thread-safe.
 */
public final class ValueTemplate {

    private final String source;
    /** The resolved text when there is no variable; null otherwise. */
    private final String constant;
    /** Literal {@link String}s and {@link Variable}s in order; empty when {@link #constant} is set. */
    private final Object[] parts;

    private ValueTemplate(String source, String constant, Object[] parts) {
        this.source = source;
        this.constant = constant;
        this.parts = parts;
    }

    /** Parses {@code text}; with {@code variablesEnabled} false the whole text is literal. */
    public static ValueTemplate parse(String text, boolean variablesEnabled) {
        if (!variablesEnabled || !text.contains("${")) {
            return new ValueTemplate(text, text, new Object[0]);
        }
        Collector collector = new Collector();
        VariableParser.parse(text, 0, true, collector);
        if (collector.parts.isEmpty()) {
            return new ValueTemplate(text, collector.text.toString(), new Object[0]);
        }
        collector.flush();
        return new ValueTemplate(text, null, collector.parts.toArray());
    }

    /** Whether resolving needs the request. */
    public boolean hasVariables() {
        return constant == null;
    }

    /** The text with variables substituted, or null when a variable has no value and no default. */
    public String resolve(RequestKeys keys) {
        if (constant != null) {
            return constant;
        }
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Variable variable) {
                String value = variable.resolve(keys);
                if (value == null) {
                    return null;
                }
                out.append(value);
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    /** The policy text as written. */
    @Override
    public String toString() {
        return source;
    }

    private static final class Collector implements VariableParser.Sink {
        final StringBuilder text = new StringBuilder();
        final List<Object> parts = new ArrayList<>();

        @Override
        public void raw(char c) {
            text.append(c);
        }

        @Override
        public void escaped(char c) {
            text.append("${").append(c).append('}');
        }

        @Override
        public void variable(Variable variable) {
            flush();
            parts.add(variable);
        }

        void flush() {
            if (text.length() > 0) {
                parts.add(text.toString());
                text.setLength(0);
            }
        }
    }
}
