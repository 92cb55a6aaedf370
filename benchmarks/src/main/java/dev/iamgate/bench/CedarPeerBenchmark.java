package dev.iamgate.bench;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.EntityTypeName;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * iamgate against Cedar (cedar-java, the Rust engine behind JNI) on the same {@link PeerRules}:
 * {@code iamgate} and {@code cedar} in one run. The Cedar policy set is parsed once and {@linkplain
 * PolicySet#cache() cached} on the Rust side, so each decision sends only the request and the
 * cache key across JNI, not the policies.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CedarPeerBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CedarPeerBenchmark extends PeerBenchmark {

    private static final Set<Entity> NO_ENTITIES = Set.of();

    private final AuthorizationEngine engine = new BasicAuthorizationEngine();
    private EntityTypeName user;
    private EntityTypeName action;
    private EntityTypeName resource;
    private PolicySet policies;
    private AuthorizationRequest allowed;

    @Override
    protected void setUpPeer(PeerRules peerRules) throws Exception {
        user = EntityTypeName.parse("User").orElseThrow();
        action = EntityTypeName.parse("Action").orElseThrow();
        resource = EntityTypeName.parse("Resource").orElseThrow();
        policies = PolicySet.parsePolicies(peerRules.cedarPolicies());
        if (policies.getNumPolicies() != peerRules.size()) {
            throw new IllegalStateException(policies.getNumPolicies() + " Cedar policies, expected " + peerRules.size());
        }
        policies.cache();
        allowed = request(peerRules.allowedCase());
    }

    @Override
    protected boolean peerAllows(PeerRules.Case request) throws AuthException {
        return decide(request(request));
    }

    @Override
    protected String peerName() {
        return "Cedar";
    }

    @Benchmark
    public AuthorizationResponse cedar() throws AuthException {
        return engine.isAuthorized(allowed, policies, NO_ENTITIES);
    }

    private AuthorizationRequest request(PeerRules.Case request) {
        return new AuthorizationRequest(user.of(request.user()), action.of(request.action()),
                resource.of(request.resource()), Map.of());
    }

    private boolean decide(AuthorizationRequest request) throws AuthException {
        AuthorizationResponse response = engine.isAuthorized(request, policies, NO_ENTITIES);
        return response.success.orElseThrow(() -> new IllegalStateException("Cedar failed: " + response))
                .isAllowed();
    }
}
