package dev.iamgate.cli;

import dev.iamgate.validate.Finding;
import dev.iamgate.validate.Severity;
import dev.iamgate.validate.ValidationReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Prints the findings of {@code iamgate validate} as compiler diagnostics or as JSON. */
final class ValidateReportWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The output formats. */
    enum Format { TEXT, JSON }

    /**
     * The report of one file.
     *
     * @param file the file as named on the command line (or found in a named directory)
     */
    record Result(String file, ValidationReport report) {}

    private ValidateReportWriter() {}

    static void write(Format format, List<Result> results, PrintWriter out) {
        if (format == Format.JSON) {
            out.println(json(results));
            return;
        }
        for (Result result : results) {
            for (Finding finding : result.report().findings()) {
                out.println(result.file() + ":" + finding.location().lineColumn() + ": "
                        + finding.severity().label() + " " + finding.check() + ": "
                        + finding.message());
            }
        }
    }

    /**
     * {@code {"files":[{"file":…,"findings":[{"severity":…,"check":…,"message":…,"pointer":…,
     * "line":…,"column":…}]}]}}, on one line.
     */
    static String json(List<Result> results) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
            g.writeStartObject();
            g.writeName("files");
            g.writeStartArray();
            for (Result result : results) {
                g.writeStartObject();
                g.writeStringProperty("file", result.file());
                g.writeName("findings");
                g.writeStartArray();
                for (Finding finding : result.report().findings()) {
                    g.writeStartObject();
                    g.writeStringProperty("severity", finding.severity().label());
                    g.writeStringProperty("check", finding.check());
                    g.writeStringProperty("message", finding.message());
                    g.writeStringProperty("pointer", finding.location().pointer());
                    g.writeNumberProperty("line", finding.location().line());
                    g.writeNumberProperty("column", finding.location().column());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return text.toString();
    }

    /** "3 files: 2 errors, 1 security warning, 0 warnings, 4 suggestions". */
    static String summary(List<Result> results) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Result result : results) {
            for (Severity severity : Severity.values()) {
                counts.merge(severity, result.report().count(severity), Integer::sum);
            }
        }
        StringBuilder sb = new StringBuilder()
                .append(plural(results.size(), "file")).append(':');
        String separator = " ";
        for (Severity severity : Severity.values()) {
            sb.append(separator).append(plural(counts.get(severity),
                    severity.label().replace('-', ' ')));
            separator = ", ";
        }
        return sb.toString();
    }

    private static String plural(int count, String noun) {
        return String.format(Locale.ROOT, "%d %s%s", count, noun, count == 1 ? "" : "s");
    }
}
