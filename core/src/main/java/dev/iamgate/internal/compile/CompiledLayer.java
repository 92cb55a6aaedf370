package dev.iamgate.internal.compile;

import dev.iamgate.eval.PolicyType;
import dev.iamgate.eval.StatementRef;
import dev.iamgate.eval.StatementTrace;
import dev.iamgate.internal.RequestKeys;
import dev.iamgate.policy.Effect;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies of one kind (identity, boundary, one SCP level, …), compiled and indexed by action.
 * Immutable and thread-safe; evaluation takes no lock and allocates nothing.
 */
public final class CompiledLayer {

    private final PolicyType type;
    // the parsed policies are not kept: a decision and its explanation need only each statement's
    // StatementRef and its conditions as written, which the compiled statements hold
    private final int policyCount;
    private final ActionIndex index;
    private final int statementCount;

    private CompiledLayer(PolicyType type, List<Policy> policies) {
        this.type = type;
        this.policyCount = policies.size();
        List<CompiledStatement> statements = new ArrayList<>();
        LowerCaseTexts lowerCase = new LowerCaseTexts();
        for (int p = 0; p < policyCount; p++) {
            Policy policy = policies.get(p);
            for (Statement statement : policy.statements()) {
                StatementRef ref = new StatementRef(type, policy.name(), p, statement.index(), statement.sid(),
                        statement.effect(), statement.location());
                statements.add(new CompiledStatement(ref, statement, policy.version(), lowerCase));
            }
        }
        this.statementCount = statements.size();
        this.index = new ActionIndex(statements);
    }

    private static final CompiledLayer[] EMPTY = new CompiledLayer[PolicyType.values().length];

    static {
        for (PolicyType type : PolicyType.values()) {
            EMPTY[type.ordinal()] = new CompiledLayer(type, List.of());
        }
    }

    /** Compiles the policies of one kind; the empty layers are shared. */
    public static CompiledLayer compile(PolicyType type, List<Policy> policies) {
        return policies.isEmpty() ? empty(type) : new CompiledLayer(type, policies);
    }

    /** The layer of a kind that has no policies, shared. */
    public static CompiledLayer empty(PolicyType type) {
        return EMPTY[type.ordinal()];
    }

    public PolicyType type() {
        return type;
    }

    public int statementCount() {
        return statementCount;
    }

    public boolean isEmpty() {
        return policyCount == 0;
    }

    /**
     * The first applicable Deny statement, or null. In resource-based policies a Deny applies to
     * the principals it names, its account included; a {@code NotPrincipal} Deny applies to every
     * caller that has a permissions boundary, as AWS documents.
     */
    public CompiledStatement deny(String lowerAction, String lowerService, String resource, String caller,
            RequestKeys keys, boolean callerHasBoundary) {
        if (statementCount == 0) {
            return null; // most sets have most kinds of policy empty: skip their three index look-ups
        }
        CompiledStatement deny = firstDeny(index.exact(lowerAction), lowerAction, resource, caller, keys, callerHasBoundary);
        if (deny == null) {
            deny = firstDeny(index.service(lowerService), lowerAction, resource, caller, keys, callerHasBoundary);
        }
        if (deny == null) {
            deny = firstDeny(index.global(), lowerAction, resource, caller, keys, callerHasBoundary);
        }
        return deny;
    }

    /**
     * The applicable Allow statement that names the caller most strongly (any applicable Allow
     * outside resource-based policies), or null when none applies.
     */
    public CompiledStatement allow(String lowerAction, String lowerService, String resource, String caller,
            RequestKeys keys) {
        if (statementCount == 0) {
            return null;
        }
        CompiledStatement best = bestAllow(index.exact(lowerAction), null, lowerAction, resource, caller, keys);
        if (strength(best, caller) != PrincipalMatch.DIRECT) {
            best = bestAllow(index.service(lowerService), best, lowerAction, resource, caller, keys);
        }
        if (strength(best, caller) != PrincipalMatch.DIRECT) {
            best = bestAllow(index.global(), best, lowerAction, resource, caller, keys);
        }
        return best;
    }

    /** How an allowing statement of this layer names the caller; {@link PrincipalMatch#NONE} for null. */
    public PrincipalMatch strength(CompiledStatement statement, String caller) {
        return statement == null ? PrincipalMatch.NONE : principalMatch(statement, caller);
    }

    /** Appends a trace of every statement whose action matches, in document order. */
    public void trace(String lowerAction, String lowerService, String resource, String caller, RequestKeys keys,
            boolean callerHasBoundary, List<StatementTrace> out) {
        List<CompiledStatement> matching = new ArrayList<>();
        for (ActionIndex.Bucket bucket : List.of(index.exact(lowerAction), index.service(lowerService), index.global())) {
            for (CompiledStatement[] statements : List.of(bucket.denies(), bucket.allows())) {
                for (CompiledStatement statement : statements) {
                    if (bucket.actionKnownToMatch() || statement.action.matches(lowerAction)) {
                        matching.add(statement);
                    }
                }
            }
        }
        matching.sort((a, b) -> a.ref.policyIndex() != b.ref.policyIndex()
                ? Integer.compare(a.ref.policyIndex(), b.ref.policyIndex())
                : Integer.compare(a.ref.statementIndex(), b.ref.statementIndex()));
        for (CompiledStatement statement : matching) {
            out.add(statement.trace(resource, principalApplies(statement, caller, callerHasBoundary), keys));
        }
    }

    private CompiledStatement firstDeny(ActionIndex.Bucket bucket, String lowerAction, String resource, String caller,
            RequestKeys keys, boolean callerHasBoundary) {
        CompiledStatement[] denies = bucket.denies();
        // The candidates for this resource, in array order: what a walk of the whole array would meet.
        int[] listing = bucket.denyResources().listing(resource);
        int[] others = bucket.denyResources().others();
        for (int i = 0, j = 0; i < listing.length || j < others.length; ) {
            CompiledStatement statement =
                    denies[j == others.length || i < listing.length && listing[i] < others[j] ? listing[i++] : others[j++]];
            if (statement.excludes(resource)) {
                continue; // the cheapest test first: a literal Resource other than the request's
            }
            if ((bucket.actionKnownToMatch() || statement.action.matches(lowerAction))
                    && principalApplies(statement, caller, callerHasBoundary)
                    && statement.resourceAndConditionsHold(resource, keys)) {
                return statement;
            }
        }
        return null;
    }

    private CompiledStatement bestAllow(ActionIndex.Bucket bucket, CompiledStatement best, String lowerAction,
            String resource, String caller, RequestKeys keys) {
        PrincipalMatch bestMatch = strength(best, caller);
        CompiledStatement[] allows = bucket.allows();
        int[] listing = bucket.allowResources().listing(resource);
        int[] others = bucket.allowResources().others();
        for (int i = 0, j = 0; i < listing.length || j < others.length; ) {
            CompiledStatement statement =
                    allows[j == others.length || i < listing.length && listing[i] < others[j] ? listing[i++] : others[j++]];
            if (statement.excludes(resource)) {
                continue; // as in firstDeny
            }
            if (!bucket.actionKnownToMatch() && !statement.action.matches(lowerAction)) {
                continue;
            }
            PrincipalMatch match = principalMatch(statement, caller);
            if (match.ordinal() > bestMatch.ordinal() && statement.resourceAndConditionsHold(resource, keys)) {
                best = statement;
                bestMatch = match;
                if (bestMatch == PrincipalMatch.DIRECT) {
                    return best;
                }
            }
        }
        return best;
    }

    private PrincipalMatch principalMatch(CompiledStatement statement, String caller) {
        return type == PolicyType.RESOURCE ? statement.principal.match(caller) : PrincipalMatch.DIRECT;
    }

    private boolean principalApplies(CompiledStatement statement, String caller, boolean callerHasBoundary) {
        if (type != PolicyType.RESOURCE) {
            return true;
        }
        if (callerHasBoundary && statement.effect == Effect.DENY && statement.principal.isNegated()) {
            return true;
        }
        return statement.principal.match(caller) != PrincipalMatch.NONE;
    }
}
