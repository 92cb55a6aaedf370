package dev.iamgate.bench;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.eval.RequestContext.ActionName;
import dev.iamgate.policy.Policy;
import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.MfaEvidence;
import dev.iamgate.servlet.internal.cache.PolicySetCache;
import dev.iamgate.servlet.internal.context.RequestContextFactory;
import dev.iamgate.servlet.internal.context.TrustedProxies;
import dev.iamgate.servlet.internal.firewall.FirewallResult;
import dev.iamgate.servlet.internal.firewall.PathFirewall;
import dev.iamgate.servlet.internal.routing.CompiledRoute;
import dev.iamgate.servlet.internal.routing.MappingFileReader;
import dev.iamgate.servlet.internal.routing.RouteTable;
import dev.iamgate.servlet.mapping.RouteKind;
import dev.iamgate.servlet.mapping.RouteMatch;
import dev.iamgate.servlet.spi.PolicySource;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The filter's own work on one request, without the network and the container (issue 4): what
 * {@code Enforcer.handle} does for {@code POST /api/users/alice/access-keys} by alice signed in with
 * MFA, in the same order and with the same production classes —
 *
 * <ol>
 * <li>{@link PathFirewall#inspect} of the raw request URI (strict firewall);
 * <li>{@link RouteTable#route} in the example app's 40 routes (read with {@link MappingFileReader}),
 *     and the route's resource for the path;
 * <li>{@link PolicySetCache#policySet} for the caller (a hit: the set is compiled in setup);
 * <li>{@link RequestContextFactory#create}, the request context with the global keys the caller's
 *     policies read (system clock, no trusted proxies, no region, no context providers); the seed
 *     policy reads 2 of the 14;
 * <li>{@link PolicySet#evaluate} with the seed policy: Allow.
 * </ol>
 *
 * {@link #fullRequest()} is all of it; the other methods measure each step alone, so the total can
 * be read as a sum. {@link #fullRequestEveryKey()} and {@link #createRequestContextEveryKey()} build
 * every global key the filter knows, as the filter did before it asked the policies which they read:
 * the baseline of that change, measured in the same run. Left out, and so not measured: resolving the caller (the session look-up of a
 * {@code PrincipalResolver}; here a prebuilt {@link Caller}), the request attributes, the decision
 * log line (off unless a logger is configured) and the chain. The request is a {@link StubRequest}.
 *
 * <p>The defaults warm up for 10 s: on the shared 2-core machine the JIT needs several seconds
 * before the larger call trees settle (see BENCHMARKS.md).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar RequestOverheadBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestOverheadBenchmark {

    private static final String PATH = "/api/users/alice/access-keys";

    private PathFirewall firewall;
    private RouteTable routes;
    private PolicySetCache policySets;
    private RequestContextFactory contexts;
    private HttpServletRequest request;
    private Caller caller;

    // the intermediate results, for the per-step methods
    private RouteMatch match;
    private ActionName action;
    private PolicySet aliceSet;
    private RequestContext context;

    @Setup
    public void setUp() {
        firewall = PathFirewall.strict();
        routes = RouteTable.builder(Fixtures.ACCOUNT)
                .addAll(MappingFileReader.read(Fixtures.resource(Fixtures.EXAMPLE_ROUTES), Fixtures.EXAMPLE_ROUTES))
                .build();
        policySets = new PolicySetCache(new FixedPolicySource(Fixtures.seedPolicy()), 10_000);
        contexts = new RequestContextFactory(InstantSource.system(), TrustedProxies.NONE, Optional.empty(), List.of());
        request = new StubRequest("POST", PATH, "", "203.0.113.7", true, Map.of(
                "Host", "localhost:8080",
                "User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Referer", "https://localhost:8080/",
                "Content-Type", "application/json"));
        caller = new Caller(IamPrincipal.user(Fixtures.ACCOUNT, "alice", "AIDAALICEEXAMPLE00001"),
                MfaEvidence.usedAt(Instant.now().minusSeconds(300)));

        FirewallResult inspected = firewall.inspect(PATH, "");
        if (!(inspected instanceof FirewallResult.Accepted accepted) || !accepted.path().equals(PATH)) {
            throw new IllegalStateException("the firewall answered " + inspected);
        }
        match = routes.match("POST", PATH).orElseThrow();
        if (match.kind() != RouteKind.POLICY_PROTECTED || !match.action().equals("iam:CreateAccessKey")) {
            throw new IllegalStateException("the route is " + match);
        }
        aliceSet = policySets.policySet(caller.principal());
        action = routes.route("POST", PATH).actionName();
        context = contexts.create(request, caller, action, match.resource(), match.contextKeys(), aliceSet);
        for (Decision decision : List.of(fullRequest(), fullRequestEveryKey())) {
            if (decision.outcome() != Outcome.ALLOW) {
                throw new IllegalStateException("alice with MFA was refused: " + decision);
            }
        }
    }

    /** Every step, in the filter's order: the per-request overhead of a policy-protected request. */
    @Benchmark
    public Decision fullRequest() {
        return everyStep(false);
    }

    /** {@link #fullRequest()} with every global key built, whatever the policies read: the baseline. */
    @Benchmark
    public Decision fullRequestEveryKey() {
        return everyStep(true);
    }

    private Decision everyStep(boolean everyKey) {
        String method = request.getMethod();
        FirewallResult inspected = firewall.inspect(request.getRequestURI(), request.getContextPath());
        if (!(inspected instanceof FirewallResult.Accepted accepted)) {
            throw new IllegalStateException("rejected: " + inspected);
        }
        String path = accepted.path();
        CompiledRoute route = routes.route(method, path);
        PolicySet set = policySets.policySet(caller.principal());
        RequestContext requestContext = everyKey
                ? contexts.createWithEveryKey(request, caller, route.actionName().name(), route.resource(path),
                        route.contextKeys(path))
                : contexts.create(request, caller, route.actionName(), route.resource(path), route.contextKeys(path), set);
        return set.evaluate(requestContext);
    }

    /** Step 1 alone: the firewall on the raw URI. */
    @Benchmark
    public FirewallResult firewallInspect() {
        return firewall.inspect(request.getRequestURI(), request.getContextPath());
    }

    /** Step 2 alone: the route of the decoded path and its resource, as the filter reads them. */
    @Benchmark
    public String routeMatch() {
        return routes.route("POST", PATH).resource(PATH);
    }

    /** Step 2 as a whole {@link RouteMatch}, as {@link RouteTable#match} gives it to tools and tests. */
    @Benchmark
    public Optional<RouteMatch> routeMatchWhole() {
        return routes.match("POST", PATH);
    }

    /** Step 3 alone: the caller's compiled policies, a cache hit. */
    @Benchmark
    public PolicySet policySetLookup() {
        return policySets.policySet(caller.principal());
    }

    /** Step 4 alone: the request context with the global keys the policies read. */
    @Benchmark
    public RequestContext createRequestContext() {
        return contexts.create(request, caller, action, match.resource(), match.contextKeys(), aliceSet);
    }

    /** Step 4 as before: the request context with every global key (14 here). */
    @Benchmark
    public RequestContext createRequestContextEveryKey() {
        return contexts.createWithEveryKey(request, caller, match.action(), match.resource(), match.contextKeys());
    }

    /** Step 5 alone: the decision on a context built as step 4 builds it. */
    @Benchmark
    public Decision evaluate() {
        return aliceSet.evaluate(context);
    }

    /** The seed policy for everyone, at a revision that never moves: every lookup after the first is a hit. */
    private static final class FixedPolicySource implements PolicySource {
        private final List<Policy> policies;

        FixedPolicySource(Policy policy) {
            this.policies = List.of(policy);
        }

        @Override
        public List<Policy> identityPolicies(IamPrincipal principal) {
            return policies;
        }

        @Override
        public long revision() {
            return 1;
        }

        @Override
        public String toString() {
            return "FixedPolicySource";
        }
    }
}
