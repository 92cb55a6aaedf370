package dev.iamgate.bench;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import dev.iamgate.validate.Finding;
import dev.iamgate.validate.PolicyValidator;
import dev.iamgate.validate.ValidationOptions;
import dev.iamgate.validate.ValidationReport;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What loading a large policy set costs: the {@link GeneratedPolicySet} of {@link #statements}
 * statements (the same set as {@link PolicySetSizeBenchmark}'s at that size), in documents of 100.
 *
 * <ul>
 *   <li>{@code parseAndCompile}: every document through {@link PolicyParser} (which rejects what
 *       IAM rejects when a policy is saved), then one {@link PolicySet}: what the filter's policy
 *       cache does on a reload, and issue 6's "compile" figure.
 *   <li>{@code parse} and {@code compile}: the two halves on their own.
 *   <li>{@code validate}: {@link PolicyValidator} (Access Analyzer-style findings) over every
 *       document, which {@code iamgate validate} runs; not on the filter's reload path.
 *   <li>{@code parseValidateAndCompile}: a reload that also validates every document before
 *       compiling the set (findings are consumed, not acted on), compiling the policies the
 *       validator parsed: issue 6's "parse + validate + compile" figure, measured in one piece.
 * </ul>
 *
 * Warm: {@code java -jar benchmarks/target/benchmarks.jar CompileBenchmark}. In a fresh JVM (one
 * operation per fork, ten forks): {@code java -jar benchmarks/target/benchmarks.jar
 * CompileBenchmark.parseAndCompile -bm ss -wi 0 -i 1 -f 10}. The retained heap of the result is
 * measured by {@link PolicySetFootprint}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompileBenchmark {

    @Param({"10000"})
    public int statements;

    private GeneratedPolicySet generated;
    private List<String> documents;
    private Policy[] parsed;

    @Setup
    public void setUp() {
        generated = new GeneratedPolicySet(statements);
        documents = generated.documents();
        parsed = parseEach(documents);
        Decision decision = generated.parseAndCompile().evaluate(generated.userInTheMiddleCreatingItsOwnKey());
        if (decision.outcome() != Outcome.ALLOW) {
            throw new IllegalStateException(statements + " statements: " + decision);
        }
        Decision validated = validateAndCompile(findings -> { })
                .evaluate(generated.userInTheMiddleCreatingItsOwnKey());
        if (!validated.equals(decision)) {
            throw new IllegalStateException("the validated policies decide otherwise: " + validated);
        }
    }

    @Benchmark
    public PolicySet parseAndCompile() {
        return generated.parseAndCompile();
    }

    @Benchmark
    public Policy[] parse() {
        return parseEach(documents);
    }

    @Benchmark
    public PolicySet compile() {
        return PolicySet.ofIdentityPolicies(parsed);
    }

    @Benchmark
    public void validate(Blackhole sink) {
        for (String document : documents) {
            ValidationReport report = PolicyValidator.validate(document);
            sink.consume(report);
        }
    }

    @Benchmark
    public PolicySet parseValidateAndCompile(Blackhole sink) {
        return validateAndCompile(sink::consume);
    }

    private PolicySet validateAndCompile(Consumer<List<Finding>> findings) {
        Policy[] policies = new Policy[documents.size()];
        for (int i = 0; i < policies.length; i++) {
            ValidationReport report = PolicyValidator.validate(
                    documents.get(i), GeneratedPolicySet.documentName(i), ValidationOptions.DEFAULT);
            findings.accept(report.findings());
            policies[i] = report.policy().orElseThrow();
        }
        return PolicySet.ofIdentityPolicies(policies);
    }

    private static Policy[] parseEach(List<String> documents) {
        Policy[] result = new Policy[documents.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = PolicyParser.parse(documents.get(i), GeneratedPolicySet.documentName(i));
        }
        return result;
    }
}
