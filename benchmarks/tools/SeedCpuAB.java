import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * A/B of the seed policy's four decisions ({@code SeedPolicyBenchmark}'s methods) between two
 * builds of {@code benchmarks.jar}, in one JVM, by thread CPU time in alternating slices of 50,000
 * decisions: JMH's wall-clock scores on this shared machine swing by 2x from run to run. The
 * methods are called reflectively, so the absolute figures include a call; the ratio is the
 * result. The jar loaded first is favoured by a few percent: run both orders.
 *
 * <pre>java benchmarks/tools/SeedCpuAB.java SLICES A.jar B.jar</pre>
 */
public final class SeedCpuAB {
    private static final String[] CASES = {
        "allowOwnAccessKeyWithMfa", "explicitDenyOwnAccessKeyWithoutMfa",
        "implicitDenyOtherUsersAccessKeyWithMfa", "allowListedActionWithoutMfa"
    };
    private static final int OPS = 50_000;
    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int slices = Integer.parseInt(args[0]);
        Object[] benchmarks = new Object[2];
        Method[][] methods = new Method[2][CASES.length];
        for (int side = 0; side < 2; side++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {new File(args[1 + side]).toURI().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass("dev.iamgate.bench.SeedPolicyBenchmark");
            benchmarks[side] = type.getConstructor().newInstance();
            type.getMethod("setUp").invoke(benchmarks[side]);
            for (int c = 0; c < CASES.length; c++) {
                methods[side][c] = type.getMethod(CASES[c]);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][][] nanos = new double[2][CASES.length][slices];
        for (int slice = 0; slice < slices; slice++) {
            for (int c = 0; c < CASES.length; c++) {
                for (int turn = 0; turn < 2; turn++) {
                    int side = slice % 2 == 0 ? turn : 1 - turn; // who goes first alternates
                    long start = threads.getCurrentThreadCpuTime();
                    for (int op = 0; op < OPS; op++) {
                        sink = methods[side][c].invoke(benchmarks[side]);
                    }
                    nanos[side][c][slice] = (threads.getCurrentThreadCpuTime() - start) / (double) OPS;
                }
            }
        }
        int warm = slices / 3; // the first third is warm-up
        for (int c = 0; c < CASES.length; c++) {
            double[] ratios = new double[slices - warm];
            for (int slice = warm; slice < slices; slice++) {
                ratios[slice - warm] = nanos[1][c][slice] / nanos[0][c][slice];
            }
            Arrays.sort(ratios);
            System.out.printf("%-40s A %.0f ns  B %.0f ns  B/A median %.3f (p25 %.3f, p75 %.3f)%n", CASES[c],
                    median(nanos[0][c], warm), median(nanos[1][c], warm), ratios[ratios.length / 2],
                    ratios[ratios.length / 4], ratios[3 * ratios.length / 4]);
        }
    }

    private static double median(double[] values, int from) {
        double[] warm = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }
}
