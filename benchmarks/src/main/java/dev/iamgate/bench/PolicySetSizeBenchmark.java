package dev.iamgate.bench;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How one decision scales with the size of the policy set: the {@link GeneratedPolicySet} of
 * {@link #statements} statements. The decision is {@code iam:CreateAccessKey} by the user in the
 * middle on its own ARN, with MFA: Allow, found among the half of the set whose actions can match.
 *
 * <p>Deliberately a worst case for an action index: every own-credentials statement names IAM
 * actions, so the index narrows the set to about half, and what is left is matched on resource.
 * A real deployment would rather hold one {@code ${aws:username}} statement for every user.
 *
 * <p>The defaults warm up for 10 s: on the shared 2-core machine the JIT needs several seconds
 * before the larger call trees settle (see BENCHMARKS.md).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PolicySetSizeBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicySetSizeBenchmark {

    @Param({"10", "100", "1000", "10000"})
    public int statements;

    private PolicySet policies;
    private RequestContext request;

    @Setup
    public void setUp() {
        GeneratedPolicySet generated = new GeneratedPolicySet(statements);
        policies = generated.parseAndCompile();
        request = generated.userInTheMiddleCreatingItsOwnKey();
        Decision decision = policies.evaluate(request);
        if (decision.outcome() != Outcome.ALLOW) {
            throw new IllegalStateException(statements + " statements: " + decision);
        }
    }

    @Benchmark
    public Decision decideForUserInTheMiddle() {
        return policies.evaluate(request);
    }
}
