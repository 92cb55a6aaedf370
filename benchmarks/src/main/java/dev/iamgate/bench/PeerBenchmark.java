package dev.iamgate.bench;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * iamgate against another engine, in the same JMH run: the {@link PeerRules} of {@link #rules}
 * rules in both, the same allowed decision measured in both ({@code iamgate} and the subclass's
 * method). The setup checks that both engines allow the allowed case and deny the denied ones, so a
 * rule set that does not mean the same fails the run instead of measuring it.
 *
 * <p>Subclasses carry the JMH annotations (10 × 1 s warm-up, 5 × 1 s measurement, one fork, µs/op).
 */
@State(Scope.Benchmark)
public abstract class PeerBenchmark {

    @Param({"10", "100", "1000", "10000"})
    public int rules;

    private PolicySet policies;
    private RequestContext request;

    @Setup
    public void setUp() throws Exception {
        PeerRules peerRules = new PeerRules(rules);
        policies = peerRules.iamgatePolicies();
        request = PeerRules.iamgateRequest(peerRules.allowedCase());
        expect("iamgate", peerRules.allowedCase(), policies.evaluate(request).outcome() == Outcome.ALLOW, true);
        for (PeerRules.Case denied : peerRules.deniedCases()) {
            expect("iamgate", denied, policies.evaluate(PeerRules.iamgateRequest(denied)).outcome() == Outcome.ALLOW,
                    false);
        }
        setUpPeer(peerRules);
        expect(peerName(), peerRules.allowedCase(), peerAllows(peerRules.allowedCase()), true);
        for (PeerRules.Case denied : peerRules.deniedCases()) {
            expect(peerName(), denied, peerAllows(denied), false);
        }
    }

    @Benchmark
    public Decision iamgate() {
        return policies.evaluate(request);
    }

    /** Loads the rules into the peer engine, once. */
    protected abstract void setUpPeer(PeerRules peerRules) throws Exception;

    /** What the peer decides for a case, outside the measurement. */
    protected abstract boolean peerAllows(PeerRules.Case request) throws Exception;

    protected abstract String peerName();

    private void expect(String engine, PeerRules.Case request, boolean allowed, boolean expected) {
        if (allowed != expected) {
            throw new IllegalStateException(engine + " with " + rules + " rules " + (allowed ? "allows " : "denies ")
                    + request + ", expected the opposite");
        }
    }
}
