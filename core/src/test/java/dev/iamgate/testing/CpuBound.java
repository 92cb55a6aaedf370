package dev.iamgate.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * A time bound for the "stays linear" and "rejects fast" tests that holds on a busy machine: the
 * bound counts the CPU time of the thread doing the work, not the wall-clock time that a loaded CI
 * runner stretches. A call that never returns is still stopped, after a wall-clock guard many times
 * the bound, so a super-linear regression fails rather than hangs.
 */
public final class CpuBound {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Duration MIN_GUARD = Duration.ofSeconds(60);

    private CpuBound() {}

    /** Runs {@code work} and fails if it takes more than {@code bound} of the thread's CPU time. */
    public static <T> T within(Duration bound, ThrowingSupplier<T> work) {
        Duration guard = bound.multipliedBy(30).compareTo(MIN_GUARD) > 0 ? bound.multipliedBy(30) : MIN_GUARD;
        return assertTimeoutPreemptively(guard, () -> {
            long start = threadCpuNanos();
            T value = work.get();
            long cpuNanos = threadCpuNanos() - start;
            if (cpuNanos > bound.toNanos()) {
                throw new AssertionError("took " + cpuNanos / 1_000_000 + " ms of CPU time, over the bound of "
                        + bound.toMillis() + " ms");
            }
            return value;
        });
    }

    /** The calling thread's CPU time so far, the clock of every time bound in these tests. */
    static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** {@link #within(Duration, ThrowingSupplier)} for work without a result. */
    public static void within(Duration bound, Executable work) {
        within(bound, () -> {
            work.execute();
            return null;
        });
    }
}
