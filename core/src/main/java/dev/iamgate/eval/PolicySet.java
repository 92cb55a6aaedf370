package dev.iamgate.eval;

import dev.iamgate.internal.compile.CompiledLayer;
import dev.iamgate.policy.Effect;
import dev.iamgate.policy.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The policies that govern a set of requests, compiled once and evaluated many times with AWS's
 * decision logic. Immutable and thread-safe: evaluation takes no lock, and
 * {@link #evaluate(RequestContext)} allocates nothing, unless a pattern has a policy variable
 * before its last wildcard (such a pattern is resolved per match).
 *
 * <pre>{@code
 * PolicySet policies = PolicySet.builder().identity(PolicyParser.parse(json)).build();
 * Decision decision = policies.evaluate(RequestContext.builder()
 *         .principal("arn:aws:iam::123456789012:user/alice")
 *         .action("iam:CreateAccessKey")
 *         .resource("arn:aws:iam::123456789012:user/alice")
 *         .key("aws:username", "alice")
 *         .build());
 * }</pre>
 */
public final class PolicySet {

    private final DecisionLogic logic;
    private final int statementCount;
    private final Set<String> referencedKeys;

    private PolicySet(Builder builder) {
        // Each site tests for an empty kind itself, so the JIT's profile of each site says which
        // kinds a program uses: `iamgate eval` compiles a set per case, nearly all identity only,
        // and C2 compiled the layer compiler into every site when the test was inside it.
        CompiledLayer identity = builder.identity.isEmpty() ? CompiledLayer.empty(PolicyType.IDENTITY)
                : CompiledLayer.compile(PolicyType.IDENTITY, builder.identity);
        CompiledLayer resource = builder.resource.isEmpty() ? CompiledLayer.empty(PolicyType.RESOURCE)
                : CompiledLayer.compile(PolicyType.RESOURCE, builder.resource);
        CompiledLayer boundary = builder.boundary.isEmpty() ? CompiledLayer.empty(PolicyType.PERMISSIONS_BOUNDARY)
                : CompiledLayer.compile(PolicyType.PERMISSIONS_BOUNDARY, builder.boundary);
        CompiledLayer session = builder.session.isEmpty() ? CompiledLayer.empty(PolicyType.SESSION)
                : CompiledLayer.compile(PolicyType.SESSION, builder.session);
        List<CompiledLayer> scps = compileLevels(PolicyType.SERVICE_CONTROL, builder.serviceControlLevels);
        List<CompiledLayer> rcps = compileLevels(PolicyType.RESOURCE_CONTROL, builder.resourceControlLevels);
        List<CompiledLayer> all = new ArrayList<>(scps.size() + rcps.size() + 4);
        all.addAll(scps);
        all.addAll(rcps);
        all.add(resource);
        all.add(identity);
        all.add(boundary);
        all.add(session);
        this.logic = new DecisionLogic(identity, resource, boundary, session, scps, rcps, List.copyOf(all));
        int statements = 0;
        for (CompiledLayer layer : all) {
            statements += layer.statementCount();
        }
        this.statementCount = statements;
        // From the builder's policies: the compiled layers keep only what decisions and explanations read.
        List<Policy> policies = new ArrayList<>(builder.identity);
        policies.addAll(builder.resource);
        policies.addAll(builder.boundary);
        policies.addAll(builder.session);
        builder.serviceControlLevels.forEach(policies::addAll);
        builder.resourceControlLevels.forEach(policies::addAll);
        this.referencedKeys = ReferencedKeys.of(policies);
    }

    // Loops rather than streams: `iamgate eval` compiles a set for nearly every case it reads.
    private static List<CompiledLayer> compileLevels(PolicyType type, List<List<Policy>> levels) {
        if (levels.isEmpty()) {
            return List.of();
        }
        List<CompiledLayer> layers = new ArrayList<>(levels.size());
        for (List<Policy> level : levels) {
            layers.add(CompiledLayer.compile(type, level));
        }
        return List.copyOf(layers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An identity-based policy set of the given policies, the common case. */
    public static PolicySet ofIdentityPolicies(Policy... policies) {
        return builder().identity(policies).build();
    }

    /** Decides a request, naming the deciding statement; see the class comment on allocation. */
    public Decision evaluate(RequestContext request) {
        return logic.decide(request);
    }

    /**
     * Decides a request and says why: the deciding statements and, for every statement whose
     * action matched, what matched and which conditions failed. Costs more than
     * {@link #evaluate}; use it for denials worth explaining and for tools.
     */
    public Decision explain(RequestContext request) {
        Decision verdict = logic.decide(request);
        boolean hasBoundary = logic.layers().stream()
                .anyMatch(l -> l.type() == PolicyType.PERMISSIONS_BOUNDARY && !l.isEmpty());
        List<StatementTrace> considered = new ArrayList<>();
        for (CompiledLayer layer : logic.layers()) {
            layer.trace(request.lowerAction(), request.lowerService(), request.resource(), request.principal(),
                    request.requestKeys(), hasBoundary, considered);
        }
        Effect decidingEffect = verdict.outcome() == Outcome.EXPLICIT_DENY ? Effect.DENY : Effect.ALLOW;
        List<StatementRef> deciding = verdict.outcome() == Outcome.IMPLICIT_DENY ? List.of()
                : considered.stream()
                        .filter(t -> t.applies() && t.statement().effect() == decidingEffect
                                && t.statement().policyType() == verdict.decidingType())
                        .map(StatementTrace::statement)
                        .toList();
        return verdict.withExplanation(new Explanation(verdict.decidingType(), deciding, considered));
    }

    /** How many statements the set holds, over every kind of policy. */
    public int statementCount() {
        return statementCount;
    }

    /**
     * The lower-case names of the request keys these policies can read: every condition's key
     * (whatever the operator, {@code Null} and {@code ...IfExists} included; a tag key such as
     * {@code aws:PrincipalTag/team} by its full name) and every policy variable substituted in a
     * {@code Resource}, {@code NotResource} or condition value. A key not in this set cannot change
     * a decision or an explanation, so a caller building requests may leave it out. Fixed when the
     * set is built.
     */
    public Set<String> referencedKeys() {
        return referencedKeys;
    }

    /** Whether these policies can read {@code key}; see {@link #referencedKeys()}. Allocates nothing. */
    public boolean referencesKey(RequestContext.KeyName key) {
        return referencedKeys.contains(key.lowerCaseName());
    }

    /** Collects the policies of each kind. Not thread-safe; {@link #build()} compiles. */
    public static final class Builder {
        private final List<Policy> identity = new ArrayList<>();
        private final List<Policy> resource = new ArrayList<>();
        private final List<Policy> boundary = new ArrayList<>();
        private final List<Policy> session = new ArrayList<>();
        private final List<List<Policy>> serviceControlLevels = new ArrayList<>();
        private final List<List<Policy>> resourceControlLevels = new ArrayList<>();

        private Builder() {}

        /** Identity-based policies: the user's, its groups', the role's (inline and managed). */
        public Builder identity(Policy... policies) {
            return identity(Arrays.asList(policies));
        }

        public Builder identity(Collection<Policy> policies) {
            addAll(identity, policies);
            return this;
        }

        /** The resource-based policy of the target resource (several documents act as one). */
        public Builder resource(Policy... policies) {
            return resource(Arrays.asList(policies));
        }

        public Builder resource(Collection<Policy> policies) {
            addAll(resource, policies);
            return this;
        }

        /** The caller's permissions boundary. */
        public Builder permissionsBoundary(Policy... policies) {
            return permissionsBoundary(Arrays.asList(policies));
        }

        public Builder permissionsBoundary(Collection<Policy> policies) {
            addAll(boundary, policies);
            return this;
        }

        /** Session policies passed when the caller's session was created. */
        public Builder sessionPolicies(Collection<Policy> policies) {
            addAll(session, policies);
            return this;
        }

        /**
         * The SCPs attached at one level of the organization (root, an OU, the account). Call once
         * per level: at every level some SCP must allow.
         */
        public Builder serviceControlLevel(Collection<Policy> policies) {
            List<Policy> level = new ArrayList<>();
            addAll(level, policies);
            serviceControlLevels.add(level);
            return this;
        }

        /** The RCPs attached at one level of the organization; every level must allow. */
        public Builder resourceControlLevel(Collection<Policy> policies) {
            List<Policy> level = new ArrayList<>();
            addAll(level, policies);
            resourceControlLevels.add(level);
            return this;
        }

        public PolicySet build() {
            return new PolicySet(this);
        }

        private static void addAll(List<Policy> target, Collection<Policy> policies) {
            for (Policy policy : policies) {
                target.add(Objects.requireNonNull(policy, "policy"));
            }
        }
    }
}
