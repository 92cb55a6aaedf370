package dev.iamgate.servlet.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * The fuzz targets' limit on one call: 100 ms (issue 7); the same rule as core's {@code CallBudget},
 * which this module's tests cannot see. The time is the calling thread's CPU time, so that a busy
 * machine does not count; a call over the limit is timed a second time before it fails, so that
 * loading (when fuzzing, instrumenting) classes on a first call does not pass for a superlinear call.
 */
public final class TimeLimit {

    public static final long MILLIS = 100;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TimeLimit() {}

    /**
     * The call's result once it has kept within the limit on one of two tries.
     *
     * @throws AssertionError naming {@code what} when both tries take longer
     */
    public static <T> T call(String what, Supplier<T> call) {
        long[] took = new long[2];
        for (int attempt = 0; attempt < took.length; attempt++) {
            long start = THREADS.getCurrentThreadCpuTime();
            T result = call.get();
            took[attempt] = (THREADS.getCurrentThreadCpuTime() - start) / 1_000_000;
            if (took[attempt] <= MILLIS) {
                return result;
            }
        }
        throw new AssertionError(what + " took " + took[0] + " ms and " + took[1] + " ms of CPU time, over " + MILLIS + " ms");
    }
}
