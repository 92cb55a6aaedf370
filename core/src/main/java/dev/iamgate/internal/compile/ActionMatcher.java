package dev.iamgate.internal.compile;

import dev.iamgate.internal.match.GlobPattern;
import dev.iamgate.internal.RequestKeys;
import dev.iamgate.policy.ActionElement;
import dev.iamgate.policy.TextValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A statement's {@code Action}/{@code NotAction}, compiled: literal actions in a hash set, patterns
 * with wildcards as linear-time globs. Actions compare case-insensitively, so everything is kept
 * in lower case and requests are matched by their lower-cased action. Also says where the
 * {@link ActionIndex} files the statement, so the patterns are read once.
 */
final class ActionMatcher {

    private static final String[] NO_SERVICES = new String[0];
    private static final GlobPattern[] NO_WILDCARDS = new GlobPattern[0];

    private final boolean negated;
    private final Set<String> literals;
    private final GlobPattern[] wildcards;
    private final boolean everything;
    /** The services of the wildcard patterns whose service is literal ({@code s3} of {@code s3:Get*}). */
    private final String[] wildcardServices;
    /** Whether the statement can match an action of any service (NotAction, {@code *}, {@code *:Get*}). */
    private final boolean anyService;

    ActionMatcher(ActionElement element, LowerCaseTexts lowerCase) {
        this.negated = element.negated();
        Set<String> literalSet = new HashSet<>();
        List<GlobPattern> globs = new ArrayList<>();
        Set<String> services = null; // most statements name no wildcard of a literal service
        boolean all = false;
        boolean anywhere = negated;
        for (TextValue pattern : element.patterns()) {
            String text = pattern.text();
            String lower = lowerCase.of(text);
            int colon = lower.indexOf(':');
            String service = colon < 0 ? lower : lower.substring(0, colon);
            boolean serviceHasWildcard = colon < 0 || service.indexOf('*') >= 0 || service.indexOf('?') >= 0;
            anywhere |= serviceHasWildcard;
            // Policy variables are not supported in actions: the text is taken literally, so without
            // '*' and '?' it is a plain name.
            if (text.indexOf('*') < 0 && text.indexOf('?') < 0) {
                literalSet.add(lower);
            } else if (text.equals("*")) {
                all = true;
            } else {
                globs.add(GlobPattern.compile(text, false, true));
                if (!serviceHasWildcard) {
                    if (services == null) {
                        services = new LinkedHashSet<>();
                    }
                    services.add(lowerCase.of(service));
                }
            }
        }
        // Set.of of the distinct elements: Set.copyOf would copy them through another HashSet first
        this.literals = Set.of(literalSet.toArray(String[]::new));
        this.wildcards = globs.isEmpty() ? NO_WILDCARDS : globs.toArray(GlobPattern[]::new);
        this.everything = all;
        this.wildcardServices = services == null ? NO_SERVICES : services.toArray(String[]::new);
        this.anyService = anywhere;
    }

    /** Whether the statement covers the action (given in lower case), NotAction taken into account. */
    boolean matches(String lowerAction) {
        return negated != listed(lowerAction);
    }

    /** The lower-cased literal actions listed (under {@code Action} or {@code NotAction}). */
    Set<String> literals() {
        return literals;
    }

    String[] wildcardServices() {
        return wildcardServices;
    }

    boolean anyService() {
        return anyService;
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
