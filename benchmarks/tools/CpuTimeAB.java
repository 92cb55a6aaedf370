import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * A/B of {@code PolicySet.evaluate} between two builds of {@code benchmarks.jar}, in one JVM: each
 * jar in its own class loader decides {@code GeneratedPolicySet}'s request for the user in the
 * middle (PolicySetSizeBenchmark's operation), in alternating slices of 20,000 decisions (which
 * side goes first alternates too), each slice timed by the thread's CPU time. On a shared,
 * oversubscribed machine JMH's wall-clock scores are mostly other processes; CPU time per slice and
 * the per-slice ratio are much steadier. Also prints the bytes the thread allocated per decision.
 * An A/A run (the same jar twice) shows the harness's own bias: a few percent.
 *
 * <pre>java benchmarks/tools/CpuTimeAB.java STATEMENTS SLICES A.jar B.jar [compile]</pre>
 *
 * With {@code compile}, a slice is instead one compile of the parsed set ({@code
 * PolicySet.ofIdentityPolicies}, CompileBenchmark's {@code compile}), and the figures are per compile.
 *
 * Not a JMH benchmark: use it to compare two builds when JMH's errors swamp the difference.
 */
public final class CpuTimeAB {
    private static volatile Object sink;

    public static void main(String[] args) throws Throwable {
        int statements = Integer.parseInt(args[0]);
        int slices = Integer.parseInt(args[1]);
        String[] jars = {args[2], args[3]};
        boolean compileMode = args.length > 4 && args[4].equals("compile");
        Object[] sets = new Object[2];
        Object[] requests = new Object[2];
        MethodHandle[] evaluate = new MethodHandle[2];
        for (int s = 0; s < 2; s++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {new File(jars[s]).toURI().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> generated = loader.loadClass("dev.iamgate.bench.GeneratedPolicySet");
            Constructor<?> make = generated.getDeclaredConstructor(int.class);
            make.setAccessible(true);
            Object g = make.newInstance(statements);
            Method compile = generated.getDeclaredMethod("parseAndCompile");
            compile.setAccessible(true);
            sets[s] = compile.invoke(g);
            Method request = generated.getDeclaredMethod("userInTheMiddleCreatingItsOwnKey");
            request.setAccessible(true);
            requests[s] = request.invoke(g);
            Class<?> policySet = loader.loadClass("dev.iamgate.eval.PolicySet");
            if (compileMode) {
                Method documents = generated.getDeclaredMethod("documents");
                documents.setAccessible(true);
                Class<?> policy = loader.loadClass("dev.iamgate.policy.Policy");
                MethodHandle parse = MethodHandles.publicLookup().findStatic(loader.loadClass("dev.iamgate.policy.PolicyParser"),
                        "parse", MethodType.methodType(policy, String.class));
                java.util.List<?> texts = (java.util.List<?>) documents.invoke(g);
                Object parsed = java.lang.reflect.Array.newInstance(policy, texts.size());
                for (int i = 0; i < texts.size(); i++) {
                    java.lang.reflect.Array.set(parsed, i, parse.invoke((String) texts.get(i)));
                }
                sets[s] = policySet;
                requests[s] = parsed;
                evaluate[s] = MethodHandles.publicLookup()
                        .findStatic(policySet, "ofIdentityPolicies", MethodType.methodType(policySet, parsed.getClass()))
                        .asFixedArity()
                        .asType(MethodType.methodType(Object.class, Object.class));
                evaluate[s] = MethodHandles.dropArguments(evaluate[s], 0, Object.class);
                continue;
            }
            evaluate[s] = MethodHandles.publicLookup()
                    .findVirtual(policySet, "evaluate", MethodType.methodType(
                            loader.loadClass("dev.iamgate.eval.Decision"), loader.loadClass("dev.iamgate.eval.RequestContext")))
                    .asType(MethodType.methodType(Object.class, Object.class, Object.class));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int ops = compileMode ? 1 : 20_000;
        for (int w = 0; w < (compileMode ? 20 : 100); w++) {
            for (int s = 0; s < 2; s++) {
                run(evaluate[s], sets[s], requests[s], ops);
            }
        }
        double[][] nsPerOp = new double[2][slices];
        double[] ratio = new double[slices];
        long[] allocated = new long[2];
        for (int slice = 0; slice < slices; slice++) {
            for (int k = 0; k < 2; k++) {
                int s = (slice + k) % 2; // alternate which side goes first
                long bytes = threads.getCurrentThreadAllocatedBytes();
                long cpu = threads.getCurrentThreadCpuTime();
                run(evaluate[s], sets[s], requests[s], ops);
                nsPerOp[s][slice] = (threads.getCurrentThreadCpuTime() - cpu) / (double) ops;
                allocated[s] += threads.getCurrentThreadAllocatedBytes() - bytes;
            }
            ratio[slice] = nsPerOp[1][slice] / nsPerOp[0][slice];
        }
        System.out.printf("statements=%d slices=%d ops/slice=%d%n", statements, slices, ops);
        for (int s = 0; s < 2; s++) {
            double[] sorted = nsPerOp[s].clone();
            Arrays.sort(sorted);
            System.out.printf("%-6s %s: CPU ns/op median %.1f (p25 %.1f, p75 %.1f); %.3f B/op%n", s == 0 ? "A" : "B",
                    jars[s], sorted[slices / 2], sorted[slices / 4], sorted[3 * slices / 4],
                    allocated[s] / (double) slices / ops);
        }
        double[] sortedRatio = ratio.clone();
        Arrays.sort(sortedRatio);
        System.out.printf("B/A per slice: median %.3f (p25 %.3f, p75 %.3f)%n", sortedRatio[slices / 2],
                sortedRatio[slices / 4], sortedRatio[3 * slices / 4]);
    }

    private static void run(MethodHandle evaluate, Object set, Object request, int ops) throws Throwable {
        Object last = null;
        for (int i = 0; i < ops; i++) {
            last = (Object) evaluate.invokeExact(set, request);
        }
        sink = last;
    }
}
