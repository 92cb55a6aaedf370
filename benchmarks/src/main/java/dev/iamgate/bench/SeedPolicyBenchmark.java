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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision with the seed policy (AWS's MFA self-manage policy, 9 statements), on one thread:
 * what issue 6's "≥ 2M decisions/s, ≤ 64 B/op" target is about. The policy set is compiled and
 * every {@link RequestContext} built in {@link #setUp()}, so only {@link PolicySet#evaluate} is
 * measured. Each method returns its {@link Decision}, which JMH sinks into a blackhole.
 *
 * <p>The defaults warm up for 10 s: on the shared 2-core machine the JIT needs several seconds
 * before the larger call trees settle (see BENCHMARKS.md).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SeedPolicyBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SeedPolicyBenchmark {

    private PolicySet policies;
    private RequestContext aliceMfaOwnKey;
    private RequestContext aliceNoMfaOwnKey;
    private RequestContext aliceMfaBobsKey;
    private RequestContext aliceNoMfaGetUser;

    @Setup
    public void setUp() {
        policies = PolicySet.ofIdentityPolicies(Fixtures.seedPolicy());
        aliceMfaOwnKey = request("iam:CreateAccessKey", "alice", "true");
        aliceNoMfaOwnKey = request("iam:CreateAccessKey", "alice", "false");
        aliceMfaBobsKey = request("iam:CreateAccessKey", "bob", "true");
        aliceNoMfaGetUser = request("iam:GetUser", "alice", "false");
        // a benchmark of the wrong answer measures nothing: check each case decides as the policy says
        expect(aliceMfaOwnKey, Outcome.ALLOW);
        expect(aliceNoMfaOwnKey, Outcome.EXPLICIT_DENY);
        expect(aliceMfaBobsKey, Outcome.IMPLICIT_DENY);
        expect(aliceNoMfaGetUser, Outcome.ALLOW);
    }

    /** Alice, signed in with MFA, creates an access key for herself: Allow (AllowManageOwnAccessKeys). */
    @Benchmark
    public Decision allowOwnAccessKeyWithMfa() {
        return policies.evaluate(aliceMfaOwnKey);
    }

    /** The same without MFA: ExplicitDeny (DenyAllExceptListedIfNoMFA). */
    @Benchmark
    public Decision explicitDenyOwnAccessKeyWithoutMfa() {
        return policies.evaluate(aliceNoMfaOwnKey);
    }

    /** Alice, with MFA, on Bob's access keys: ImplicitDeny (no statement allows). */
    @Benchmark
    public Decision implicitDenyOtherUsersAccessKeyWithMfa() {
        return policies.evaluate(aliceMfaBobsKey);
    }

    /** iam:GetUser, one of the actions the deny statement leaves out, without MFA: Allow. */
    @Benchmark
    public Decision allowListedActionWithoutMfa() {
        return policies.evaluate(aliceNoMfaGetUser);
    }

    private static RequestContext request(String action, String targetUser, String mfa) {
        return RequestContext.builder()
                .principal(Fixtures.userArn("alice"))
                .action(action)
                .resource(Fixtures.userArn(targetUser))
                .key("aws:username", "alice")
                .key("aws:MultiFactorAuthPresent", mfa)
                .build();
    }

    private void expect(RequestContext request, Outcome outcome) {
        Outcome actual = policies.evaluate(request).outcome();
        if (actual != outcome) {
            throw new IllegalStateException(request + " decided " + actual + ", expected " + outcome);
        }
    }
}
