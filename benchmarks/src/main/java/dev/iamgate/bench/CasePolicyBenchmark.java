package dev.iamgate.bench;

import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * What {@code iamgate eval} does for a case that brings a policy of its own, which no cache can
 * save: the policy of a {@link CaseGenerator} case read from its UTF-8 bytes, the set compiled, one
 * decision. {@code parse} includes creating the Jackson parser, as a case's policies object gets one.
 * {@code own} is the one-statement policy half the generated cases bring; {@code shared} the
 * two-statement policy the other half share (compiled only when the cache drops it).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar CasePolicyBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CasePolicyBenchmark {

    private static final JsonFactory JSON =
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

    @Param({"own", "shared"})
    public String policy;

    private byte[] bytes;
    private Policy parsed;
    private PolicySet compiled;
    private RequestContext request;

    @Setup
    public void setUp() {
        String text = policy.equals("own") ? CaseGenerator.ownPolicyText(7, "Allow", "iam:CreateAccessKey", "user31")
                : CaseGenerator.sharedPolicy();
        bytes = text.getBytes(StandardCharsets.UTF_8);
        parsed = parse();
        compiled = compile();
        request = RequestContext.builder()
                .principal("arn:aws:iam::123456789012:user/user31")
                .action("iam:CreateAccessKey")
                .resource("arn:aws:iam::123456789012:user/user31")
                .key("aws:username", "user31")
                .key("aws:MultiFactorAuthPresent", "true")
                .build();
        if (decide() != Outcome.ALLOW) {
            throw new IllegalStateException("the benchmark's request should be allowed");
        }
    }

    @Benchmark
    public Policy parse() {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), bytes)) {
            parser.nextToken();
            return PolicyParser.parse(parser, "identity[0]");
        }
    }

    @Benchmark
    public PolicySet compile() {
        return PolicySet.ofIdentityPolicies(parsed);
    }

    @Benchmark
    public Outcome decide() {
        return compiled.evaluate(request).outcome();
    }

    @Benchmark
    public Outcome parseCompileAndDecide() {
        return PolicySet.ofIdentityPolicies(parse()).evaluate(request).outcome();
    }
}
