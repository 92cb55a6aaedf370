package dev.iamgate.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iamgate} command: evaluate, validate and simulate AWS IAM policies offline. */
@Command(
        name = "iamgate",
        mixinStandardHelpOptions = true,
        version = "iamgate 0.1.0",
        description = "Evaluate AWS IAM policies exactly as AWS does.",
        subcommands = {EvalCommand.class, ValidateCommand.class, SimulateCommand.class, CommandLine.HelpCommand.class})
public final class IamGateCommand implements Runnable {

    /** Exit code for a usage or I/O error, shared by every subcommand. */
    static final int EXIT_USAGE_OR_IO = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Answers are written in large blocks; commands flush when they have nothing more to read.
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        int exitCode = commandLine().setOut(out).execute(args);
        out.flush();
        System.exit(exitCode);
    }

    /** The command line, ready to execute; tests redirect its output. */
    static CommandLine commandLine() {
        return new CommandLine(new IamGateCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(exception -> EXIT_USAGE_OR_IO);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
