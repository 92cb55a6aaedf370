package dev.iamgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark once, briefly and in this JVM, so that the harness cannot rot: a benchmark
 * whose setup throws (a case that no longer decides as expected, a resource gone missing, a filter
 * that reads more of the request than {@link StubRequest} answers) fails the build. Says nothing
 * about speed: no warm-up, one 100 ms iteration, no fork. JMH's report goes to
 * {@code target/jmh-smoke-<benchmark>.txt}, not to the build log.
 */
class BenchmarkSmokeTest {

    @Test
    void seedPolicyBenchmarkRuns() throws RunnerException {
        assertEachRan(SeedPolicyBenchmark.class, options(SeedPolicyBenchmark.class), 4);
    }

    @Test
    void requestOverheadBenchmarkRuns() throws RunnerException {
        assertEachRan(RequestOverheadBenchmark.class, options(RequestOverheadBenchmark.class), 9);
    }

    @Test
    void policySetSizeBenchmarkRunsAtTheSmallestAndLargestSizes() throws RunnerException {
        assertEachRan(PolicySetSizeBenchmark.class,
                options(PolicySetSizeBenchmark.class).param("statements", "10", "10000"), 2);
    }

    @Test
    void compileBenchmarkRunsOnASmallSet() throws RunnerException {
        // 100 statements, not the 10,000 of the measurement: one unwarmed operation at 10,000 takes seconds.
        assertEachRan(CompileBenchmark.class, options(CompileBenchmark.class).param("statements", "100"), 5);
    }

    @Test
    void casePolicyBenchmarkRunsForBothPolicies() throws RunnerException {
        assertEachRan(CasePolicyBenchmark.class, options(CasePolicyBenchmark.class), 8);
    }

    @Test
    void jcasbinPeerBenchmarkRunsAtTheSmallestSize() throws RunnerException {
        assertEachRan(JCasbinPeerBenchmark.class, options(JCasbinPeerBenchmark.class).param("rules", "10"), 2);
    }

    @Test
    void cedarPeerBenchmarkRunsAtTheSmallestSize() throws RunnerException {
        assertEachRan(CedarPeerBenchmark.class, options(CedarPeerBenchmark.class).param("rules", "10"), 2);
    }

    @Test
    void policySetFootprintMeasuresTheRetainedHeap() {
        String report = PolicySetFootprint.measure(100, true);
        long bytes = Long.parseLong(report.replaceFirst("(?s)^100 statements: ([\\d,]+) bytes retained.*", "$1")
                .replace(",", ""));
        assertThat(bytes).as(report).isGreaterThan(100L * 100); // at least 100 B per statement
        assertThat(report).contains("dev.iamgate.eval.PolicySet");
    }

    private static ChainedOptionsBuilder options(Class<?> benchmark) {
        return new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .output("target/jmh-smoke-" + benchmark.getSimpleName() + ".txt");
    }

    private static void assertEachRan(Class<?> benchmark, ChainedOptionsBuilder options, int expectedRuns)
            throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        assertThat(results).as("results of %s", benchmark.getSimpleName()).hasSize(expectedRuns);
        for (RunResult result : results) {
            assertThat(result.getPrimaryResult().getScore())
                    .as("score of %s %s", result.getParams().getBenchmark(), result.getParams())
                    .isPositive();
        }
    }
}
