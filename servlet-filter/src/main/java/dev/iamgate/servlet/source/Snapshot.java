package dev.iamgate.servlet.source;

import dev.iamgate.policy.Policy;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.spi.PolicySourceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policies a source serves, as of one revision: immutable, published whole through a volatile
 * field, so readers never see a half-applied reload.
 *
 * @param revision the number {@link DirectoryPolicySource#revision()} reports
 * @param everyone the policies of {@code everyone/}
 * @param groups the policies of {@code groups/<group>/}, by lower-case group name
 * @param users the policies of {@code users/<user>/}, by lower-case user name
 * @param unavailable why nothing can be served, or null; set only before the first successful read
 */
record Snapshot(long revision, Scope everyone, Map<String, Scope> groups, Map<String, Scope> users, String unavailable) {

    /** The policies of one folder, and the files in it that never parsed. */
    record Scope(List<Policy> policies, List<String> withoutGoodVersion) {
        static final Scope EMPTY = new Scope(List.of(), List.of());
    }

    static Snapshot unavailable(String reason) {
        return new Snapshot(0, Scope.EMPTY, Map.of(), Map.of(), reason);
    }

    /** Indexes a scan's files into scopes by their relative paths. */
    static Snapshot of(long revision, Map<String, FileState> files) {
        ScopeBuilder everyone = new ScopeBuilder();
        Map<String, ScopeBuilder> groups = new HashMap<>();
        Map<String, ScopeBuilder> users = new HashMap<>();
        files.forEach((path, state) -> {
            String[] parts = path.split("/");
            ScopeBuilder scope = switch (parts[0]) {
                case "everyone" -> everyone;
                case "groups" -> groups.computeIfAbsent(lower(parts[1]), k -> new ScopeBuilder());
                default -> users.computeIfAbsent(lower(parts[1]), k -> new ScopeBuilder());
            };
            scope.add(path, state);
        });
        return new Snapshot(revision, everyone.build(), build(groups), build(users), null);
    }

    /** Everyone's, the principal's groups' and the principal's own policies. */
    List<Policy> policiesOf(IamPrincipal principal) {
        if (unavailable != null) {
            throw new PolicySourceException(unavailable);
        }
        List<Scope> scopes = new ArrayList<>(2 + principal.groups().size());
        scopes.add(everyone);
        Set<String> seenGroups = new LinkedHashSet<>();
        for (String group : principal.groups()) {
            if (seenGroups.add(lower(group))) {
                scopes.add(groups.getOrDefault(lower(group), Scope.EMPTY));
            }
        }
        principal.userName().ifPresent(name -> scopes.add(users.getOrDefault(lower(name), Scope.EMPTY)));

        List<Policy> policies = new ArrayList<>();
        List<String> withoutGoodVersion = new ArrayList<>();
        for (Scope scope : scopes) {
            policies.addAll(scope.policies());
            withoutGoodVersion.addAll(scope.withoutGoodVersion());
        }
        if (!withoutGoodVersion.isEmpty()) {
            // Leaving the file out could drop a Deny that is meant to apply: fail closed.
            throw new PolicySourceException("policy files that apply to " + principal.arn()
                    + " have no good version: " + withoutGoodVersion);
        }
        return List.copyOf(policies);
    }

    /**
     * The name with ASCII upper-case letters lowered, and nothing else changed. IAM names are ASCII
     * and compare case-insensitively only as ASCII: {@link String#toLowerCase} would also fold
     * U+212A KELVIN SIGN into {@code k}, so that a principal named with it would take the policies
     * of the user or group spelled with an ASCII {@code k}.
     */
    private static String lower(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] lowered = name.toCharArray();
                for (int j = i; j < lowered.length; j++) {
                    if (lowered[j] >= 'A' && lowered[j] <= 'Z') {
                        lowered[j] += 'a' - 'A';
                    }
                }
                return new String(lowered);
            }
        }
        return name;
    }

    private static Map<String, Scope> build(Map<String, ScopeBuilder> builders) {
        Map<String, Scope> scopes = new HashMap<>();
        builders.forEach((name, builder) -> scopes.put(name, builder.build()));
        return Map.copyOf(scopes);
    }

    private static final class ScopeBuilder {
        private final List<Policy> policies = new ArrayList<>();
        private final List<String> withoutGoodVersion = new ArrayList<>();

        void add(String path, FileState state) {
            if (state.neverGood()) {
                withoutGoodVersion.add(path);
            } else {
                policies.add(state.good());
            }
        }

        Scope build() {
            return new Scope(List.copyOf(policies), List.copyOf(withoutGoodVersion));
        }
    }
}
