package dev.iamgate.internal.validate;

import dev.iamgate.policy.SourceLocation;
import dev.iamgate.validate.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the findings of one validation; checks add to it in any order. */
final class Findings {

    /** Document order: line, column, then check name so that the output is stable. */
    private static final Comparator<Finding> ORDER =
            Comparator.comparingInt((Finding f) -> f.location().line())
                    .thenComparingInt(f -> f.location().column())
                    .thenComparing(Finding::check)
                    .thenComparing(Finding::message);

    private final List<Finding> findings = new ArrayList<>();

    void report(CheckId check, SourceLocation location, String message) {
        // messages quote document text already; this keeps any that slipped through on one line
        findings.add(new Finding(check.severity(), check.checkName(), Quote.oneLine(message),
                location));
    }

    List<Finding> sorted() {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        return sorted;
    }
}
