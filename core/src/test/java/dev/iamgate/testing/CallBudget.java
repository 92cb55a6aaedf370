package dev.iamgate.testing;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The fuzz targets' time limit on one call: 100 ms (issue 7), far above what a linear-time call on a
 * fuzzer-sized input takes, far below what a quadratic or exponential one does.
 *
 * <p>The time is the calling thread's CPU time, so that a machine busy with other work (a shared CI
 * runner, the fuzzer's own threads) does not count. A call over the limit is timed once more before
 * it fails: a superlinear call is slow again, while a first call that loads (and, when fuzzing,
 * instruments) classes is not.
 */
public final class CallBudget {

    public static final Duration LIMIT = Duration.ofMillis(100);

    private CallBudget() {}

    /**
     * The call's result, or its exception rethrown, once the call has kept within {@link #LIMIT}.
     *
     * @throws AssertionError naming {@code what} when two runs of the call both take longer
     */
    public static <T> T within(String what, Supplier<T> call) {
        Outcome<T> outcome = Outcome.of(call);
        if (outcome.nanos > LIMIT.toNanos()) {
            Outcome<T> again = Outcome.of(call);
            if (again.nanos > LIMIT.toNanos()) {
                throw new AssertionError(what + " took " + outcome.nanos / 1_000_000 + " ms and then "
                        + again.nanos / 1_000_000 + " ms of CPU time, over the limit of " + LIMIT.toMillis() + " ms");
            }
        }
        if (outcome.failure != null) {
            throw outcome.failure;
        }
        return outcome.value;
    }

    /** {@link #within} for a call without a result. */
    public static void within(String what, Runnable call) {
        within(what, () -> {
            call.run();
            return null;
        });
    }

    private record Outcome<T>(T value, RuntimeException failure, long nanos) {
        static <T> Outcome<T> of(Supplier<T> call) {
            long start = CpuBound.threadCpuNanos();
            try {
                T value = call.get();
                return new Outcome<>(value, null, CpuBound.threadCpuNanos() - start);
            } catch (RuntimeException e) {
                return new Outcome<>(null, e, CpuBound.threadCpuNanos() - start);
            }
        }
    }
}
