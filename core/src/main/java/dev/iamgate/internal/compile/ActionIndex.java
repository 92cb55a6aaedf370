package dev.iamgate.internal.compile;

import dev.iamgate.policy.Effect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, List<CompiledStatement>> exact = new HashMap<>();
        Map<String, List<CompiledStatement>> services = new HashMap<>();
        List<CompiledStatement> anywhere = new ArrayList<>();
        for (CompiledStatement statement : statements) {
            file(statement, exact, services, anywhere);
        }
        this.byAction = toBuckets(exact, true);
        this.byService = toBuckets(services, false);
        this.global = anywhere.isEmpty() ? Bucket.EMPTY : bucket(anywhere, false);
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

    /**
     * Files a statement where it belongs, each list in statement order. A statement that can match
     * any service goes to the global bucket only; one with a wildcard pattern for a service (such
     * as {@code s3:Get*}) goes under that service and not under that service's literal actions,
     * so no statement is evaluated twice. Literals and services are distinct per statement.
     */
    private static void file(CompiledStatement statement, Map<String, List<CompiledStatement>> exact,
            Map<String, List<CompiledStatement>> services, List<CompiledStatement> anywhere) {
        ActionMatcher action = statement.action;
        if (action.anyService()) {
            anywhere.add(statement);
            return;
        }
        String[] wildcardServices = action.wildcardServices();
        for (String literal : action.literals()) {
            if (wildcardServices.length == 0 || !contains(wildcardServices, serviceOf(literal))) {
                exact.computeIfAbsent(literal, k -> new ArrayList<>(1)).add(statement);
            }
        }
        for (String service : wildcardServices) {
            services.computeIfAbsent(service, k -> new ArrayList<>(1)).add(statement);
        }
    }

    private static boolean contains(String[] texts, String text) {
        for (String candidate : texts) {
            if (candidate.equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static String serviceOf(String lowerAction) {
        int colon = lowerAction.indexOf(':');
        return colon < 0 ? lowerAction : lowerAction.substring(0, colon);
    }

    private static Map<String, Bucket> toBuckets(Map<String, List<CompiledStatement>> lists, boolean known) {
        if (lists.isEmpty()) {
            return Map.of();
        }
        if (lists.size() == 1) {
            // the common case of a small policy: one action, and no table to size
            Map.Entry<String, List<CompiledStatement>> only = lists.entrySet().iterator().next();
            return Map.of(only.getKey(), bucket(only.getValue(), known));
        }
        Map<String, Bucket> buckets = new HashMap<>(lists.size() * 2);
        lists.forEach((key, list) -> buckets.put(key, bucket(list, known)));
        return Map.copyOf(buckets);
    }

    private static Bucket bucket(List<CompiledStatement> statements, boolean known) {
        int denyCount = 0;
        for (CompiledStatement statement : statements) {
            if (statement.effect == Effect.DENY) {
                denyCount++;
            }
        }
        CompiledStatement[] denies = new CompiledStatement[denyCount];
        CompiledStatement[] allows = new CompiledStatement[statements.size() - denyCount];
        int d = 0;
        int a = 0;
        for (CompiledStatement statement : statements) {
            if (statement.effect == Effect.DENY) {
                denies[d++] = statement;
            } else {
                allows[a++] = statement;
            }
        }
        return new Bucket(denies, allows, known, ResourceIndex.of(denies), ResourceIndex.of(allows));
    }
}
