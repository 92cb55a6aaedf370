package dev.iamgate.example.soak;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the heap the live objects take, at a fixed period, on a thread of its own: a full
 * collection ({@link MemoryMXBean#gc()}), then the used heap. The app runs in this JVM, so a leak of
 * the app or the filter shows as used heap that keeps growing after warm-up.
 */
final class HeapSampler implements AutoCloseable {

    /** Seconds since the soak started, and the used heap after a full collection. */
    record Sample(double seconds, long usedBytes) {
        double usedMiB() {
            return usedBytes / (1024.0 * 1024.0);
        }
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<Sample> samples = new ArrayList<>();
    private final long start = System.nanoTime();
    private final Thread thread;

    HeapSampler(long periodMillis) {
        thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    sample();
                    Thread.sleep(periodMillis);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "soak-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        memory.gc();
        long used = memory.getHeapMemoryUsage().getUsed();
        synchronized (samples) {
            samples.add(new Sample((System.nanoTime() - start) / 1e9, used));
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Stops sampling after one last sample. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
