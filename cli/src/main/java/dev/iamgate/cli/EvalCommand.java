package dev.iamgate.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iamgate eval --cases FILE}: decides conformance cases given as JSON Lines and prints one
 * JSON line per case, in input order. Streams: memory stays bounded whatever the input size, and
 * the answers to what has been read are flushed whenever no further input is waiting, so it works
 * interactively through a pipe as well as in batch.
 *
 * <p>Lines are read in batches; with more than one processor the batches are answered in parallel,
 * each thread with its own policy cache, and written in input order.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Decide IAM requests given as JSON Lines cases (see the conformance README).")
final class EvalCommand implements Callable<Integer> {

    /** Input per batch: a few hundred typical cases, enough to make handing a batch over cheap. */
    private static final int BATCH_BYTES = 1 << 18;

    /**
     * The longest case line read, 64 MiB: far above any real case (a policy document may hold
     * 1 MiB), and a bound on memory when a file has no line break where one is due.
     */
    static final int MAX_LINE_BYTES = 64 << 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--cases", required = true, paramLabel = "FILE", description = "JSON Lines cases; - reads standard input.")
    private String cases;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int threads = Runtime.getRuntime().availableProcessors();
        try (InputStream in = open(cases)) {
            LineBatches batches = new LineBatches(in, BATCH_BYTES, MAX_LINE_BYTES);
            if (threads == 1) {
                answerInline(batches, out);
            } else {
                answerInParallel(batches, out, threads);
            }
            out.flush();
            return out.checkError() ? IamGateCommand.EXIT_USAGE_OR_IO : 0;
        } catch (IOException | UncheckedIOException e) {
            out.flush();
            spec.commandLine().getErr().println("iamgate eval: " + e.getMessage());
            return IamGateCommand.EXIT_USAGE_OR_IO;
        }
    }

    private static void answerInline(LineBatches batches, PrintWriter out) throws IOException {
        CaseEvaluator evaluator = new CaseEvaluator();
        LineBatches.Batch batch;
        while ((batch = batches.next()) != null) {
            out.append(answer(evaluator, batch));
            if (batch.inputDrained) {
                out.flush();
            }
        }
    }

    /**
     * The reading thread hands batches to a pool and writes their answers in order; a bounded
     * number in flight keeps memory bounded when the output is slower than the input.
     */
    private static void answerInParallel(LineBatches batches, PrintWriter out, int threads) throws IOException {
        ThreadLocal<CaseEvaluator> evaluators = ThreadLocal.withInitial(CaseEvaluator::new);
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "iamgate-eval");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ArrayDeque<Future<StringBuilder>> pending = new ArrayDeque<>();
            LineBatches.Batch batch;
            while ((batch = batches.next()) != null) {
                LineBatches.Batch lines = batch;
                pending.add(pool.submit(() -> answer(evaluators.get(), lines)));
                while (pending.size() > 2 * threads || (lines.inputDrained && !pending.isEmpty())) {
                    out.append(result(pending.remove()));
                }
                if (lines.inputDrained) {
                    out.flush();
                }
            }
            while (!pending.isEmpty()) {
                out.append(result(pending.remove()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static StringBuilder answer(CaseEvaluator evaluator, LineBatches.Batch batch) {
        StringBuilder answers = new StringBuilder(batch.count * 48);
        for (int i = 0; i < batch.count; i++) {
            if (batch.isTooLong(i)) {
                evaluator.answerTooLong(MAX_LINE_BYTES, answers);
            } else {
                evaluator.answer(batch.bytes, batch.starts[i], batch.ends[i], answers);
            }
        }
        return answers;
    }

    private static StringBuilder result(Future<StringBuilder> answers) {
        try {
            return answers.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while answering cases", e);
        } catch (ExecutionException e) {
            // answer() catches what a case can throw; anything else is a failure of the program
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * A FileInputStream, not {@code Files.newInputStream}: the batches ask how much input is
     * waiting, which a channel's stream answers by seeking, and a named pipe (a shell's
     * {@code <(…)}, {@code /dev/stdin}) cannot seek.
     */
    private static InputStream open(String name) throws IOException {
        return "-".equals(name) ? System.in : new FileInputStream(name);
    }
}
