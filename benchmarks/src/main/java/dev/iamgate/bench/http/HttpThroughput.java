package dev.iamgate.bench.http;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The HTTP throughput harness of issue 6: the same trivial servlet on Jetty 12 in each {@link
 * ServerMode}, driven over loopback by {@link LoadGenerator}, the modes alternating round after
 * round. Each round starts a fresh server JVM per mode (in a rotating order), signs alice in with
 * MFA once per connection (one session each, as from that many browsers), warms up, then measures
 *
 * <ul>
 * <li>throughput: requests/s with {@code --connections} keep-alive connections, and the server's
 *     CPU time per request (the server process's CPU time over the run / responses), also counted
 *     for Jetty's request threads alone, without the JIT compilers and GC;
 * <li>latency: p50 and p99 over one connection, so that queueing does not hide the added time
 *     (p50/p99 under the full load are printed as well).
 * </ul>
 *
 * The JIT compilers' time during the throughput run is printed too: if it is more than a few
 * milliseconds, the warm-up was too short and the CPU figures include compilation.
 *
 * It prints each measurement, then the medians per mode and, per round then as a median over
 * rounds, the ratios and differences that issue 6's targets are about: filter against the servlet
 * that reads the session itself, and against the bare servlet. On a shared, noisy machine only
 * these within-run comparisons mean much.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.iamgate.bench.http.HttpThroughput \
 *     [--rounds 5] [--warmup 15] [--duration 10] [--latency 5] [--connections 8] [--server-jvm-arg ARG]... [--server-log FILE]
 *     [--modes bare,session,filter]
 * </pre>
 */
public final class HttpThroughput {

    /** The server JVM's options unless {@code --server-jvm-arg} gives others: a fixed heap. */
    static final List<String> DEFAULT_SERVER_JVM_ARGS = List.of("-Xms512m", "-Xmx512m");

    /** How long each phase runs, and with what. */
    record Options(int rounds, double warmupSeconds, double durationSeconds, double latencySeconds, int connections,
            List<String> serverJvmArgs, Path serverLog, List<ServerMode> modes) {

        static Options parse(String... args) {
            int rounds = 5;
            double warmup = 15;
            double duration = 10;
            double latency = 5;
            int connections = 8;
            List<String> jvmArgs = new ArrayList<>();
            Path log = Path.of(System.getProperty("java.io.tmpdir"), "iamgate-http-bench-server.log");
            List<ServerMode> modes = List.of(ServerMode.values());
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--warmup" -> warmup = Double.parseDouble(value);
                    case "--duration" -> duration = Double.parseDouble(value);
                    case "--latency" -> latency = Double.parseDouble(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--server-jvm-arg" -> jvmArgs.add(value);
                    case "--server-log" -> log = Path.of(value);
                    case "--modes" -> modes = Arrays.stream(value.split(","))
                            .map(mode -> ServerMode.valueOf(mode.strip().toUpperCase(java.util.Locale.ROOT))).toList();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; options: --rounds N --warmup S --duration S --latency S --connections N"
                            + " --server-jvm-arg ARG --server-log FILE --modes bare,session,filter");
                }
                i++;
            }
            if (rounds < 1 || connections < 1 || warmup < 0 || duration <= 0 || latency <= 0) {
                throw new IllegalArgumentException("rounds, connections, duration and latency must be positive");
            }
            return new Options(rounds, warmup, duration, latency, connections,
                    jvmArgs.isEmpty() ? DEFAULT_SERVER_JVM_ARGS : List.copyOf(jvmArgs), log, modes);
        }
    }

    /**
     * One mode in one round: throughput, server CPU per request (the whole process, and its request
     * threads alone), and latencies in microseconds, over one connection ({@code p50}, {@code p99}) and
     * under the full load.
     */
    record Measurement(ServerMode mode, int round, double requestsPerSecond, double cpuMicrosPerRequest, double p50,
            double p99, double loadedP50, double loadedP99, long jitMillis, double requestThreadsCpuMicrosPerRequest) {}

    /** Every measurement of a run, by round. */
    record Report(List<Map<ServerMode, Measurement>> rounds) {

        double median(ServerMode mode, ToDoubleFunction<Measurement> figure) {
            return HttpThroughput.median(rounds.stream().mapToDouble(round -> figure.applyAsDouble(round.get(mode))).toArray());
        }

        /** The median over rounds of {@code compare(a, b)} within each round. */
        double medianOfRounds(ServerMode a, ServerMode b, java.util.function.BinaryOperator<Double> compare,
                ToDoubleFunction<Measurement> figure) {
            return HttpThroughput.median(rounds.stream()
                    .mapToDouble(round -> compare.apply(figure.applyAsDouble(round.get(a)), figure.applyAsDouble(round.get(b))))
                    .toArray());
        }
    }

    private HttpThroughput() {}

    public static void main(String[] args) throws IOException {
        run(Options.parse(args), System.out);
    }

    static Report run(Options options, PrintStream out) throws IOException {
        out.printf("iamgate HTTP harness, %s; %d CPUs; %s %s; load average %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), loadAverage());
        out.printf("%d rounds; per mode: %.1f s warm-up, %.1f s throughput with %d connections, %.1f s latency with 1;"
                + " server JVM %s; GET %s as alice with MFA%n", options.rounds(), options.warmupSeconds(),
                options.durationSeconds(), options.connections(), options.latencySeconds(), options.serverJvmArgs(),
                BenchServer.PATH);
        out.printf("%-5s %-7s %10s %12s %12s %8s %8s %11s %11s %7s%n", "round", "mode", "req/s", "cpu us/req",
                "thread us/req", "p50 us", "p99 us", "loaded p50", "loaded p99", "jit ms");
        List<ServerMode> modes = options.modes();
        List<Map<ServerMode, Measurement>> rounds = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            Map<ServerMode, Measurement> measured = new EnumMap<>(ServerMode.class);
            for (int i = 0; i < modes.size(); i++) {
                ServerMode mode = modes.get((i + round - 1) % modes.size()); // each mode takes each position in turn
                Measurement measurement = measure(mode, round, options);
                measured.put(mode, measurement);
                out.printf("%-5d %-7s %10.0f %12.2f %12.2f %8.1f %8.1f %11.1f %11.1f %7d%n", round, mode,
                        measurement.requestsPerSecond(), measurement.cpuMicrosPerRequest(),
                        measurement.requestThreadsCpuMicrosPerRequest(), measurement.p50(), measurement.p99(),
                        measurement.loadedP50(), measurement.loadedP99(), measurement.jitMillis());
            }
            rounds.add(measured);
        }
        Report report = new Report(List.copyOf(rounds));
        summarize(report, options.modes(), out);
        out.printf("load average at the end: %s%n", loadAverage());
        return report;
    }

    private static Measurement measure(ServerMode mode, int round, Options options) throws IOException {
        try (ServerProcess server = ServerProcess.start(mode, options.serverJvmArgs(), options.serverLog())) {
            // one session per connection, as for as many browsers: one shared session would be a lock
            // hot spot in the container that real traffic does not have
            byte[][] requests = new byte[options.connections()][];
            for (int i = 0; i < requests.length; i++) {
                requests[i] = ("GET " + BenchServer.PATH + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + server.address().getPort() + "\r\n"
                        + "User-Agent: iamgate-http-bench\r\n"
                        + "Accept: */*\r\n"
                        + "Cookie: " + server.signIn() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            }
            LoadGenerator generator = new LoadGenerator(server.address(), requests);
            check(mode, "warm-up", generator.run(options.connections(), nanos(options.warmupSeconds()), false));
            ServerProcess.Spent before = server.spent();
            LoadGenerator.Run load = check(mode, "throughput",
                    generator.run(options.connections(), nanos(options.durationSeconds()), true));
            ServerProcess.Spent after = server.spent();
            long cpu = after.cpuNanos() - before.cpuNanos();
            LoadGenerator.Run single = check(mode, "latency", generator.run(1, nanos(options.latencySeconds()), true));
            return new Measurement(mode, round, load.requestsPerSecond(), cpu / 1e3 / load.responses(),
                    micros(single.latencyAt(0.50)), micros(single.latencyAt(0.99)),
                    micros(load.latencyAt(0.50)), micros(load.latencyAt(0.99)), after.jitMillis() - before.jitMillis(),
                    (after.requestThreadsCpuNanos() - before.requestThreadsCpuNanos()) / 1e3 / load.responses());
        }
    }

    private static LoadGenerator.Run check(ServerMode mode, String phase, LoadGenerator.Run run) {
        if (run.errors() > 0) {
            throw new IllegalStateException(mode + " " + phase + ": " + run.errors() + " of " + run.responses()
                    + " responses were not 200 (the filter refused, or the session was not signed in)");
        }
        if (run.responses() == 0 && run.nanos() > 0 && phase.equals("throughput")) {
            throw new IllegalStateException(mode + " " + phase + ": no response at all");
        }
        return run;
    }

    private static void summarize(Report report, List<ServerMode> modes, PrintStream out) {
        out.println();
        out.println("medians over rounds:");
        out.printf("%-7s %10s %12s %12s %8s %8s %11s %11s%n", "mode", "req/s", "cpu us/req", "thread us/req", "p50 us",
                "p99 us", "loaded p50", "loaded p99");
        for (ServerMode mode : modes) {
            out.printf("%-7s %10.0f %12.2f %12.2f %8.1f %8.1f %11.1f %11.1f%n", mode,
                    report.median(mode, Measurement::requestsPerSecond), report.median(mode, Measurement::cpuMicrosPerRequest),
                    report.median(mode, Measurement::requestThreadsCpuMicrosPerRequest),
                    report.median(mode, Measurement::p50), report.median(mode, Measurement::p99),
                    report.median(mode, Measurement::loadedP50), report.median(mode, Measurement::loadedP99));
        }
        out.println();
        if (modes.size() < ServerMode.values().length) {
            return; // a profiling run of some modes: nothing to compare
        }
        out.println("comparisons within each round, median over rounds:");
        compare(report, out, ServerMode.FILTER, ServerMode.SESSION);
        compare(report, out, ServerMode.FILTER, ServerMode.BARE);
        compare(report, out, ServerMode.SESSION, ServerMode.BARE);
    }

    private static void compare(Report report, PrintStream out, ServerMode a, ServerMode b) {
        out.printf("%s vs %s: req/s ratio %.3f; added CPU %+.2f us/req (request threads alone %+.2f us/req);"
                        + " added latency p50 %+.1f us, p99 %+.1f us (under load: p50 %+.1f us, p99 %+.1f us)%n", a, b,
                report.medianOfRounds(a, b, (x, y) -> x / y, Measurement::requestsPerSecond),
                report.medianOfRounds(a, b, (x, y) -> x - y, Measurement::cpuMicrosPerRequest),
                report.medianOfRounds(a, b, (x, y) -> x - y, Measurement::requestThreadsCpuMicrosPerRequest),
                report.medianOfRounds(a, b, (x, y) -> x - y, Measurement::p50),
                report.medianOfRounds(a, b, (x, y) -> x - y, Measurement::p99),
                report.medianOfRounds(a, b, (x, y) -> x - y, Measurement::loadedP50),
                report.medianOfRounds(a, b, (x, y) -> x - y, Measurement::loadedP99));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long nanos(double seconds) {
        return (long) (seconds * 1e9);
    }

    private static double micros(long nanos) {
        return nanos / 1e3;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
