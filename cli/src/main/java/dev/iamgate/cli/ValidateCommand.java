package dev.iamgate.cli;

import dev.iamgate.validate.Attachment;
import dev.iamgate.validate.PolicyKind;
import dev.iamgate.validate.PolicyValidator;
import dev.iamgate.validate.ValidationOptions;
import dev.iamgate.validate.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iamgate validate FILE…}: validates policy documents and prints the findings like a
 * compiler's diagnostics ({@code file:line:col: severity check: message}) or as one JSON
 * document. A directory stands for the {@code *.json} files directly in it, in name order.
 * Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error (nothing is validated then).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate IAM policy documents: syntax, IAM limits, conditions, variables,"
                + " risky grants, redundancy. Checks: docs/validation-checks.md.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no errors (there may be warnings)", "1:errors found",
                "2:usage or I/O error"})
final class ValidateCommand implements Callable<Integer> {

    /** Exit code when some document has a finding of severity error. */
    static final int EXIT_ERRORS = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Policy documents, or directories of *.json policy documents.")
    private List<Path> inputs;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            converter = ValidateOptionConverters.FormatConverter.class,
            description = "Output format: text (file:line:col: severity check: message) or json."
                    + " Default: ${DEFAULT-VALUE}.")
    private ValidateReportWriter.Format format;

    @Option(names = "--kind", defaultValue = "identity", paramLabel = "KIND",
            converter = ValidateOptionConverters.KindConverter.class,
            description = "What the policies are for: identity, boundary, trust, resource, scp,"
                    + " rcp or session. Default: ${DEFAULT-VALUE}.")
    private PolicyKind kind;

    @Option(names = "--inline", paramLabel = "user|group|role",
            converter = ValidateOptionConverters.InlineConverter.class,
            description = "Identity policies inline in a user, group or role (size limits 2,048,"
                    + " 5,120, 10,240); default: managed (6,144).")
    private Attachment inline;

    @Override
    public Integer call() {
        ValidationOptions options = options();
        PrintWriter err = spec.commandLine().getErr();
        List<ValidateReportWriter.Result> results = new ArrayList<>();
        try {
            for (Path file : files()) {
                String json = PolicyFiles.read(file);
                results.add(new ValidateReportWriter.Result(file.toString(),
                        PolicyValidator.validate(json, options)));
            }
        } catch (IOException e) {
            err.println("iamgate validate: " + PolicyFiles.describe(e));
            err.flush();
            return IamGateCommand.EXIT_USAGE_OR_IO;
        }
        PrintWriter out = spec.commandLine().getOut();
        ValidateReportWriter.write(format, results, out);
        out.flush();
        err.println("iamgate validate: " + ValidateReportWriter.summary(results));
        err.flush();
        if (out.checkError()) {
            return IamGateCommand.EXIT_USAGE_OR_IO;
        }
        return results.stream().map(ValidateReportWriter.Result::report)
                .anyMatch(ValidationReport::hasErrors) ? EXIT_ERRORS : 0;
    }

    private ValidationOptions options() {
        if (inline == null) {
            return ValidationOptions.of(kind);
        }
        if (kind != PolicyKind.IDENTITY) {
            throw new ParameterException(spec.commandLine(),
                    "--inline applies to identity policies only, not --kind " + kindName());
        }
        return ValidationOptions.identity(inline);
    }

    private String kindName() {
        return ValidateOptionConverters.KindConverter.name(kind);
    }

    /** The inputs with every directory replaced by its *.json files, in name order. */
    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                files.add(input); // reading it reports a missing file
                continue;
            }
            List<Path> inDirectory = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(input, "*.json")) {
                for (Path entry : entries) {
                    if (Files.isRegularFile(entry)) {
                        inDirectory.add(entry);
                    }
                }
            }
            if (inDirectory.isEmpty()) {
                throw new NoSuchFileException(input.toString(), null, "no *.json files in directory");
            }
            inDirectory.sort(null);
            files.addAll(inDirectory);
        }
        return files;
    }
}
