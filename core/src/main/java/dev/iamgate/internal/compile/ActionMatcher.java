package dev.iamgate.internal.compile;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.internal.match.GlobPattern;
import dev.iamgate.policy.ActionElement;
import dev.iamgate.policy.TextValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A statement's {@code Action}/{@code NotAction}, compiled: literal actions in a hash set, patterns
 * with wildcards as linear-time globs. Actions compare case-insensitively, so everything is kept
 * in lower case and requests are matched by their lower-cased action.
 */
final class ActionMatcher {

    private final boolean negated;
    private final Set<String> literals;
    private final GlobPattern[] wildcards;
    private final boolean everything;

    ActionMatcher(ActionElement element) {
        this.negated = element.negated();
        Set<String> literalSet = new HashSet<>();
        List<GlobPattern> globs = new ArrayList<>();
        boolean all = false;
        for (TextValue pattern : element.patterns()) {
            // Policy variables are not supported in actions: the text is taken literally.
            GlobPattern glob = GlobPattern.compile(pattern.text(), false, true);
            if (glob.matchesEverything()) {
                all = true;
            } else if (glob.isLiteral()) {
                literalSet.add(glob.literalText());
            } else {
                globs.add(glob);
            }
        }
        this.literals = Set.copyOf(literalSet);
        this.wildcards = globs.toArray(GlobPattern[]::new);
        this.everything = all;
    }

    /** Whether the statement covers the action (given in lower case), NotAction taken into account. */
    boolean matches(String lowerAction) {
        return negated != listed(lowerAction);
    }

    private boolean listed(String lowerAction) {
        if (everything || literals.contains(lowerAction)) {
            return true;
        }
        for (GlobPattern glob : wildcards) {
            if (glob.matches(lowerAction, RequestKeys.NONE)) {
                return true;
            }
        }
        return false;
    }
}
