package dev.iamgate.internal.compile;

import dev.iamgate.policy.Effect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the statements that can match an action without looking at the others, so a decision
 * costs what the relevant statements cost, not what the whole set costs.
 *
 * <p>A statement is filed in exactly one of three places for any given action: under the exact
 * action when all its patterns for that service are literal, under its service when some pattern
 * of that service has a wildcard in the name ({@code s3:Get*}), or in the global bucket when it
 * can match any service ({@code *}, {@code *:Get*}, {@code NotAction}). Within a bucket Deny
 * statements come first so that evaluation can stop early.
 */
final class ActionIndex {

    /** Statements of one bucket, split by effect. */
    record Bucket(CompiledStatement[] denies, CompiledStatement[] allows, boolean actionKnownToMatch,
            ResourceIndex denyResources, ResourceIndex allowResources) {
        static final Bucket EMPTY = new Bucket(new CompiledStatement[0], new CompiledStatement[0], true,
                ResourceIndex.EMPTY, ResourceIndex.EMPTY);
    }

    private final Map<String, Bucket> byAction;
    private final Map<String, Bucket> byService;
    private final Bucket global;

    ActionIndex(List<CompiledStatement> statements) {
        Map<String, Set<CompiledStatement>> exact = new HashMap<>();
        Map<String, Set<CompiledStatement>> services = new HashMap<>();
        Set<CompiledStatement> anywhere = new LinkedHashSet<>();
        for (CompiledStatement statement : statements) {
            file(statement, exact, services, anywhere);
        }
        // A statement filed globally or under a service must not be evaluated twice.
        exact.forEach((action, set) -> {
            set.removeAll(anywhere);
            Set<CompiledStatement> sameService = services.get(serviceOf(action));
            if (sameService != null) {
                set.removeAll(sameService);
            }
        });
        services.values().forEach(set -> set.removeAll(anywhere));
        this.byAction = toBuckets(exact, true);
        this.byService = toBuckets(services, false);
        this.global = bucket(anywhere, false);
    }

    Bucket exact(String lowerAction) {
        return byAction.getOrDefault(lowerAction, Bucket.EMPTY);
    }

    Bucket service(String lowerService) {
        return byService.getOrDefault(lowerService, Bucket.EMPTY);
    }

    Bucket global() {
        return global;
    }

    private static void file(CompiledStatement statement, Map<String, Set<CompiledStatement>> exact,
            Map<String, Set<CompiledStatement>> services, Set<CompiledStatement> anywhere) {
        ActionMatcher action = statement.action;
        if (action.anyService()) {
            anywhere.add(statement);
            return;
        }
        for (String literal : action.literals()) {
            exact.computeIfAbsent(literal, k -> new LinkedHashSet<>()).add(statement);
        }
        for (String service : action.wildcardServices()) {
            services.computeIfAbsent(service, k -> new LinkedHashSet<>()).add(statement);
        }
    }

    private static String serviceOf(String lowerAction) {
        int colon = lowerAction.indexOf(':');
        return colon < 0 ? lowerAction : lowerAction.substring(0, colon);
    }

    private static Map<String, Bucket> toBuckets(Map<String, Set<CompiledStatement>> sets, boolean known) {
        Map<String, Bucket> buckets = new HashMap<>(sets.size() * 2);
        sets.forEach((key, set) -> {
            if (!set.isEmpty()) {
                buckets.put(key, bucket(set, known));
            }
        });
        return Map.copyOf(buckets);
    }

    private static Bucket bucket(Set<CompiledStatement> statements, boolean known) {
        List<CompiledStatement> denies = new ArrayList<>();
        List<CompiledStatement> allows = new ArrayList<>();
        for (CompiledStatement statement : statements) {
            (statement.effect == Effect.DENY ? denies : allows).add(statement);
        }
        CompiledStatement[] denyArray = denies.toArray(CompiledStatement[]::new);
        CompiledStatement[] allowArray = allows.toArray(CompiledStatement[]::new);
        return new Bucket(denyArray, allowArray, known, ResourceIndex.of(denyArray), ResourceIndex.of(allowArray));
    }
}
