package dev.iamgate.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iamgate eval --cases FILE}: decides conformance cases given as JSON Lines and prints one
 * JSON line per case, in input order. Streams: memory stays constant whatever the input size,
 * and each answer is flushed as soon as no further input is waiting, so it works interactively
 * through a pipe as well as in batch.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Decide IAM requests given as JSON Lines cases (see the conformance README).")
final class EvalCommand implements Callable<Integer> {

    private static final int BUFFER = 1 << 16;

    @Spec
    private CommandSpec spec;

    @Option(names = "--cases", required = true, paramLabel = "FILE", description = "JSON Lines cases; - reads standard input.")
    private String cases;

    @Override
    public Integer call() {
        CaseEvaluator evaluator = new CaseEvaluator();
        PrintWriter out = spec.commandLine().getOut();
        try (BufferedReader in = new BufferedReader(open(cases), BUFFER)) {
            StringBuilder answer = new StringBuilder(256);
            String line;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte-order mark some editors write
                }
                first = false;
                if (line.isBlank()) {
                    continue;
                }
                answer.setLength(0);
                evaluator.answer(line, answer);
                answer.append('\n');
                out.append(answer);
                if (!in.ready()) {
                    out.flush();
                }
            }
            out.flush();
            return out.checkError() ? IamGateCommand.EXIT_USAGE_OR_IO : 0;
        } catch (IOException | UncheckedIOException e) {
            out.flush();
            spec.commandLine().getErr().println("iamgate eval: " + e.getMessage());
            return IamGateCommand.EXIT_USAGE_OR_IO;
        }
    }

    private static Reader open(String name) throws IOException {
        InputStream stream = "-".equals(name) ? System.in : Files.newInputStream(Path.of(name));
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }
}
