package dev.iamgate.internal.condition;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.internal.match.ArnConditionPattern;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.TextValue;
import java.util.ArrayList;
import java.util.List;

/**
 * ArnEquals and ArnLike (the same operator), ArnNotEquals and ArnNotLike (its negation): each of
 * the six colon-separated ARN parts matched as a case-sensitive glob, as for the {@code Resource}
 * element, with policy variables when the version allows them. See {@link ArnConditionPattern}.
 */
public final class ArnCondition extends KeyedCondition implements CompiledCondition {

    private final ArnConditionPattern[] patterns;
    private final boolean everyPolicyValueIsArn;
    /** Whether a pattern substitutes variables per request value (see {@link #bind}). */
    private final boolean bindsPerRequest;

    private ArnCondition(ArnCondition same, ArnConditionPattern[] patterns) {
        super(same);
        this.patterns = patterns;
        this.everyPolicyValueIsArn = same.everyPolicyValueIsArn;
        this.bindsPerRequest = false;
    }

    ArnCondition(Condition source, boolean variables) {
        super(source);
        List<ArnConditionPattern> compiled = new ArrayList<>(source.values().size());
        for (TextValue value : source.values()) {
            try {
                compiled.add(ArnConditionPattern.compile(value.text(), variables));
            } catch (IllegalArgumentException malformed) {
                // A malformed ${...}: the validator reports it; the value never matches.
            }
        }
        this.patterns = compiled.toArray(new ArnConditionPattern[0]);
        this.bindsPerRequest = compiled.stream().anyMatch(ArnConditionPattern::bindsPerRequest);
        this.everyPolicyValueIsArn = patterns.length == source.values().size()
                && source.values().stream().allMatch(value -> hasSixParts(withoutVariables(value.text())));
    }

    /**
     * ArnNotEquals/ArnNotLike cannot say "different" about a value that is not an ARN (fewer than
     * six parts, a bare {@code *} included), on either side: the reference simulator answers
     * false there, as it does for the other negated families.
     */
    @Override
    boolean negationUndecidable(String requestValue) {
        return !everyPolicyValueIsArn || !hasSixParts(requestValue);
    }

    private static boolean hasSixParts(String text) {
        int colons = 0;
        for (int i = 0; i < text.length() && colons < 5; i++) {
            if (text.charAt(i) == ':') {
                colons++;
            }
        }
        return colons == 5;
    }

    /** The text with every {@code ${...}} removed, so colons inside variable names are not counted. */
    private static String withoutVariables(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (end < 0) {
                plain.append(text, i, text.length());
                break;
            }
            plain.append(text, i, start);
            i = end + 1;
        }
        return plain.toString();
    }

    /** Substitutes the patterns' variables once for all the request's values (see {@link KeyedCondition#bind}). */
    @Override
    KeyedCondition bind(RequestKeys keys) {
        if (!bindsPerRequest) {
            return this;
        }
        List<ArnConditionPattern> bound = null;
        for (int i = 0; i < patterns.length; i++) {
            ArnConditionPattern pattern = patterns[i].bind(keys);
            if (pattern != patterns[i] && bound == null) {
                bound = new ArrayList<>(List.of(patterns).subList(0, i));
            }
            // A pattern whose variable cannot be resolved matches nothing: it is left out.
            if (bound != null && pattern != null) {
                bound.add(pattern);
            }
        }
        return bound == null ? this : new ArnCondition(this, bound.toArray(new ArnConditionPattern[0]));
    }

    @Override
    boolean matchesAny(String requestValue, RequestKeys keys) {
        for (ArnConditionPattern pattern : patterns) {
            if (pattern.matches(requestValue, keys)) {
                return true;
            }
        }
        return false;
    }
}
