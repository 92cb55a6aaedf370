import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A/B of {@code iamgate eval}'s work per case, warm, between two builds of {@code iamgate.jar}, in
 * one JVM: each jar in its own class loader answers the first LINES lines of a case file with its
 * own {@code CaseEvaluator} (the worker's loop: read the case from its bytes, find or compile its
 * policies, decide, append the answer), in alternating slices (which side goes first alternates
 * too), each timed by the thread's CPU time. What the whole run adds to this (the JIT's warm-up,
 * the reading thread) is not in it: use it to see a change to the per-case work through the noise
 * that swamps end-to-end runs on a shared machine. Also prints the bytes allocated per case, and
 * checks that both sides give the same answers.
 *
 * <pre>java benchmarks/tools/EvalCpuAB.java CASES.jsonl LINES SLICES A.jar B.jar</pre>
 */
public final class EvalCpuAB {

    public static void main(String[] args) throws Throwable {
        byte[] all = Files.readAllBytes(Path.of(args[0]));
        int lines = Integer.parseInt(args[1]);
        int slices = Integer.parseInt(args[2]);
        String[] jars = {args[3], args[4]};
        int[] starts = new int[lines];
        int[] ends = new int[lines];
        int count = 0;
        for (int i = 0, start = 0; i < all.length && count < lines; i++) {
            if (all[i] == '\n') {
                starts[count] = start;
                ends[count++] = i;
                start = i + 1;
            }
        }
        MethodHandle[] answer = new MethodHandle[2];
        Object[] evaluators = new Object[2];
        for (int s = 0; s < 2; s++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {new File(jars[s]).toURI().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass("dev.iamgate.cli.CaseEvaluator");
            Constructor<?> make = type.getDeclaredConstructor();
            make.setAccessible(true);
            evaluators[s] = make.newInstance();
            java.lang.reflect.Method method =
                    type.getDeclaredMethod("answer", byte[].class, int.class, int.class, StringBuilder.class);
            method.setAccessible(true);
            answer[s] = MethodHandles.lookup().unreflect(method).asType(MethodType.methodType(
                    void.class, Object.class, byte[].class, int.class, int.class, StringBuilder.class));
        }
        String[] first = new String[2];
        for (int s = 0; s < 2; s++) {
            first[s] = run(answer[s], evaluators[s], all, starts, ends, count);
        }
        if (!first[0].equals(first[1])) {
            throw new IllegalStateException("the two builds answer differently");
        }
        for (int w = 0; w < 4; w++) {
            for (int s = 0; s < 2; s++) {
                run(answer[s], evaluators[s], all, starts, ends, count);
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[][] nsPerCase = new double[2][slices];
        double[] ratio = new double[slices];
        long[] allocated = new long[2];
        for (int slice = 0; slice < slices; slice++) {
            for (int k = 0; k < 2; k++) {
                int s = (slice + k) % 2;
                long bytes = threads.getCurrentThreadAllocatedBytes();
                long cpu = threads.getCurrentThreadCpuTime();
                run(answer[s], evaluators[s], all, starts, ends, count);
                nsPerCase[s][slice] = (threads.getCurrentThreadCpuTime() - cpu) / (double) count;
                allocated[s] += threads.getCurrentThreadAllocatedBytes() - bytes;
            }
            ratio[slice] = nsPerCase[1][slice] / nsPerCase[0][slice];
        }
        System.out.printf("cases=%d slices=%d%n", count, slices);
        for (int s = 0; s < 2; s++) {
            double[] sorted = nsPerCase[s].clone();
            Arrays.sort(sorted);
            System.out.printf("%-2s %s: CPU ns/case median %.0f (p25 %.0f, p75 %.0f); %.0f B/case%n", s == 0 ? "A" : "B",
                    jars[s], sorted[slices / 2], sorted[slices / 4], sorted[3 * slices / 4],
                    allocated[s] / (double) slices / count);
        }
        double[] sortedRatio = ratio.clone();
        Arrays.sort(sortedRatio);
        System.out.printf("B/A per slice: median %.3f (p25 %.3f, p75 %.3f)%n", sortedRatio[slices / 2],
                sortedRatio[slices / 4], sortedRatio[3 * slices / 4]);
    }

    private static String run(MethodHandle answer, Object evaluator, byte[] bytes, int[] starts, int[] ends, int count)
            throws Throwable {
        StringBuilder out = new StringBuilder(count * 48);
        for (int i = 0; i < count; i++) {
            answer.invokeExact(evaluator, bytes, starts[i], ends[i], out);
        }
        return out.toString();
    }
}
