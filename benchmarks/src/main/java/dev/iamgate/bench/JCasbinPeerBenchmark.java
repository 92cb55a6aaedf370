package dev.iamgate.bench;

import java.util.concurrent.TimeUnit;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
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
 * iamgate against jCasbin on the same {@link PeerRules}: {@code iamgate} and {@code jcasbin} in
 * one run. jCasbin holds one policy line per rule, enforced under a {@code keyMatch} matcher, its
 * in-memory model loaded once in the setup.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar JCasbinPeerBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JCasbinPeerBenchmark extends PeerBenchmark {

    private Enforcer enforcer;
    private PeerRules.Case allowed;

    @Override
    protected void setUpPeer(PeerRules peerRules) {
        enforcer = new Enforcer(Model.newModelFromString(PeerRules.casbinModel()));
        enforcer.enableLog(false);
        if (!enforcer.addPolicies(peerRules.casbinLines())) {
            throw new IllegalStateException("jCasbin refused the policy lines");
        }
        allowed = peerRules.allowedCase();
    }

    @Override
    protected boolean peerAllows(PeerRules.Case request) {
        return enforcer.enforce(request.user(), request.resource(), request.action());
    }

    @Override
    protected String peerName() {
        return "jCasbin";
    }

    @Benchmark
    public boolean jcasbin() {
        return enforcer.enforce(allowed.user(), allowed.resource(), allowed.action());
    }
}
