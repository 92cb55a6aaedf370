package dev.iamgate.internal.compile;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.internal.match.ResourcePattern;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.ResourceElement;
import dev.iamgate.policy.TextValue;
import java.util.Optional;

/**
 * A statement's {@code Resource}/{@code NotResource}, compiled. A statement without either (allowed
 * in some resource-based policies) covers the resource the policy is attached to, so it matches.
 */
final class ResourceMatcher {

    private final boolean negated;
    private final ResourcePattern[] patterns;
    private final boolean everything;
    /** Computed once per statement, as a statement is indexed in every bucket of its actions. */
    private final String[] indexKeys;
    /** The one ARN of a {@code Resource} that lists a single literal ARN; else null. */
    private final String onlyLiteral;

    ResourceMatcher(Optional<ResourceElement> element, PolicyVersion version) {
        if (element.isEmpty()) {
            this.negated = false;
            this.patterns = new ResourcePattern[0];
            this.everything = true;
            this.indexKeys = ResourceIndex.NO_KEYS;
            this.onlyLiteral = null;
            return;
        }
        this.negated = element.get().negated();
        boolean all = false;
        ResourcePattern[] compiled = new ResourcePattern[element.get().patterns().size()];
        int i = 0;
        for (TextValue text : element.get().patterns()) {
            compiled[i] = ResourcePattern.compile(text.text(), version.supportsVariables());
            all |= compiled[i].matchesEverything();
            i++;
        }
        this.patterns = compiled;
        this.everything = all;
        this.indexKeys = negated || all ? ResourceIndex.NO_KEYS : ResourceIndex.keysOf(compiled);
        this.onlyLiteral = !negated && compiled.length == 1 && compiled[0].isLiteral() ? compiled[0].toString() : null;
    }

    /**
     * The ARN this matcher accepts and nothing else, when it is a {@code Resource} of one literal
     * ARN (no wildcard, no variable); else null.
     */
    String onlyLiteral() {
        return onlyLiteral;
    }

    /** The keys {@link ResourceIndex} files the statement under; none when it must be scanned. */
    String[] indexKeys() {
        return indexKeys;
    }

    /**
     * Whether the statement covers the resource. An entry whose variable cannot be resolved
     * matches nothing: in Resource it grants nothing, in NotResource it excludes nothing.
     */
    boolean matches(String resource, RequestKeys keys) {
        if (onlyLiteral != null) {
            return onlyLiteral.equals(resource);
        }
        return negated != listed(resource, keys);
    }

    private boolean listed(String resource, RequestKeys keys) {
        if (everything) {
            return true;
        }
        for (ResourcePattern pattern : patterns) {
            if (pattern.matches(resource, keys)) {
                return true;
            }
        }
        return false;
    }
}
