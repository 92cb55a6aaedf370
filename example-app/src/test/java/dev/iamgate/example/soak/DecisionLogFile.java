package dev.iamgate.example.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decision log as slf4j-simple writes it to the soak's log file ({@code [thread] INFO
 * dev.iamgate.decision - decision=… principal="…" …}), read back from a byte offset, so the lines
 * of the soak's set-up are left out. Lines of other loggers at ERROR are kept apart: the app logs
 * every internal failure there.
 */
final class DecisionLogFile {

    private static final String MARKER = " dev.iamgate.decision - ";
    /** {@code name="value"} with the log's escapes ({@code \"}, {@code \\}), or {@code name=bare}. */
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+))");

    private final Path file;

    DecisionLogFile(Path file) {
        this.file = file;
    }

    long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the log holds after {@code offset}: decision lines by identity, and the ERROR lines. */
    record Contents(Map<String, Long> lines, long lineCount, List<String> errors) {}

    Contents readFrom(long offset) {
        Map<String, Long> lines = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        long count = 0;
        for (String line : tail(offset).split("\n")) {
            int marker = line.indexOf(MARKER);
            if (marker >= 0) {
                count++;
                lines.merge(identity(line.substring(marker + MARKER.length())), 1L, Long::sum);
            } else if (line.contains(" ERROR ") && errors.size() < 20) {
                errors.add(line);
            }
        }
        return new Contents(lines, count, errors);
    }

    /** The same identity as {@link Expectation#logKey}: outcome, principal, method, then action and resource or path. */
    static String identity(String message) {
        Map<String, String> fields = new TreeMap<>();
        Matcher matcher = FIELD.matcher(message);
        while (matcher.find()) {
            fields.putIfAbsent(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        String outcome = fields.getOrDefault("decision", "?");
        String method = fields.getOrDefault("method", "?");
        return switch (outcome) {
            case "Allow", "ImplicitDeny", "ExplicitDeny" -> String.join("|", outcome, fields.get("principal"), method,
                    fields.get("action"), fields.get("resource"));
            case "RejectedPath" -> String.join("|", outcome, "", method);
            default -> String.join("|", outcome, fields.getOrDefault("principal", "?"), method,
                    fields.getOrDefault("path", "?"));
        };
    }

    private String tail(long offset) {
        try {
            byte[] all = Files.readAllBytes(file);
            return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
