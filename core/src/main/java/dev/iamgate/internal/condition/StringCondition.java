package dev.iamgate.internal.condition;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.internal.match.GlobPattern;
import dev.iamgate.internal.match.ValueTemplate;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.OperatorType;
import dev.iamgate.policy.TextValue;
import java.util.ArrayList;
import java.util.List;

/**
 * StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike and
 * StringNotLike, with their qualifiers and {@code IfExists}.
 *
 * <p>The Equals operators compare whole strings; {@code *} and {@code ?} are literal characters.
 * IgnoreCase folds case without a locale ({@link String#equalsIgnoreCase}). Like is a
 * case-sensitive glob. Policy variables are substituted when the policy version allows them; a
 * value whose variable cannot be resolved matches nothing for that request.
 */
public final class StringCondition extends KeyedCondition implements CompiledCondition {

    private final Operand[] operands;
    /** Whether an operand substitutes variables per request value (see {@link #bind}). */
    private final boolean bindsPerRequest;

    private StringCondition(StringCondition same, Operand[] operands) {
        super(same);
        this.operands = operands;
        this.bindsPerRequest = false;
    }

    StringCondition(Condition source, boolean variables) {
        super(source);
        List<Operand> compiled = new ArrayList<>(source.values().size());
        for (TextValue value : source.values()) {
            Operand operand = compile(source.operator().type(), value.text(), variables);
            if (operand != null) {
                compiled.add(operand);
            }
        }
        this.operands = compiled.toArray(new Operand[0]);
        this.bindsPerRequest = compiled.stream().anyMatch(operand -> operand instanceof Template
                || operand instanceof Glob glob && glob.pattern().bindsPerRequest());
    }

    @Override
    KeyedCondition bind(RequestKeys keys) {
        if (!bindsPerRequest) {
            return this;
        }
        List<Operand> bound = new ArrayList<>(operands.length);
        for (Operand operand : operands) {
            Operand resolved = operand;
            if (operand instanceof Template template) {
                String text = template.template().resolve(keys);
                resolved = text == null ? null : template.ignoreCase() ? new ExactIgnoreCase(text) : new Exact(text);
            } else if (operand instanceof Glob glob && glob.pattern().bindsPerRequest()) {
                GlobPattern pattern = glob.pattern().bind(keys);
                resolved = pattern == null ? null : new Glob(pattern);
            }
            // A value whose variable cannot be resolved matches nothing: it is left out.
            if (resolved != null) {
                bound.add(resolved);
            }
        }
        return new StringCondition(this, bound.toArray(new Operand[0]));
    }

    private static Operand compile(OperatorType type, String text, boolean variables) {
        try {
            return switch (type) {
                case STRING_LIKE, STRING_NOT_LIKE -> new Glob(GlobPattern.compile(text, variables, false));
                case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
                        equality(ValueTemplate.parse(text, variables), true);
                default -> equality(ValueTemplate.parse(text, variables), false);
            };
        } catch (IllegalArgumentException malformed) {
            // A malformed ${...} makes the policy invalid (the validator reports it); here the
            // value just never matches.
            return null;
        }
    }

    private static Operand equality(ValueTemplate template, boolean ignoreCase) {
        if (template.hasVariables()) {
            return new Template(template, ignoreCase);
        }
        // Resolved once when there is no variable; ${*} ${?} ${$} stay as written (no wildcards here).
        String literal = template.resolve(RequestKeys.NONE);
        if (literal == null) {
            return null;
        }
        return ignoreCase ? new ExactIgnoreCase(literal) : new Exact(literal);
    }

    @Override
    boolean matchesAny(String requestValue, RequestKeys keys) {
        for (Operand operand : operands) {
            if (operand.matches(requestValue, keys)) {
                return true;
            }
        }
        return false;
    }

    /** One compiled policy value. */
    private sealed interface Operand permits Exact, ExactIgnoreCase, Template, Glob {
        boolean matches(String requestValue, RequestKeys keys);
    }

    private record Exact(String text) implements Operand {
        @Override
        public boolean matches(String requestValue, RequestKeys keys) {
            return text.equals(requestValue);
        }
    }

    private record ExactIgnoreCase(String text) implements Operand {
        @Override
        public boolean matches(String requestValue, RequestKeys keys) {
            return text.equalsIgnoreCase(requestValue);
        }
    }

    private record Template(ValueTemplate template, boolean ignoreCase) implements Operand {
        @Override
        public boolean matches(String requestValue, RequestKeys keys) {
            String resolved = template.resolve(keys);
            if (resolved == null) {
                return false;
            }
            return ignoreCase ? resolved.equalsIgnoreCase(requestValue) : resolved.equals(requestValue);
        }
    }

    private record Glob(GlobPattern pattern) implements Operand {
        @Override
        public boolean matches(String requestValue, RequestKeys keys) {
            return pattern.matches(requestValue, keys);
        }
    }
}
