package dev.iamgate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.policy.PolicyProblem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** The catalogue of checks, and {@code docs/validation-checks.md} and the README describing it. */
class CatalogueTest {

    @Test
    void hasAtLeastThirtyChecksWithUniqueKebabCaseNames() {
        List<CheckInfo> all = Checks.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(new HashSet<>(all.stream().map(CheckInfo::name).toList())).hasSameSizeAs(all);
        for (CheckInfo info : all) {
            assertThat(isKebabCase(info.name())).as(info.name()).isTrue();
            assertThat(info.summary()).endsWith(".");
            assertThat(info.howToFix()).endsWith(".");
        }
    }

    @Test
    void everyParseProblemIsAnErrorCheckOfTheSameName() {
        for (PolicyProblem problem : PolicyProblem.values()) {
            assertThat(Checks.byName(problem.checkName()))
                    .as(problem.checkName())
                    .hasValueSatisfying(info -> assertThat(info.severity()).isEqualTo(Severity.ERROR));
        }
    }

    @Test
    void byNameFindsExactNamesOnly() {
        assertThat(Checks.byName("redundant-action")).isPresent();
        assertThat(Checks.byName("Redundant-Action")).isEmpty();
        assertThat(Checks.byName("no-such-check")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"../docs/validation-checks.md, ## Checks", "../README.md, ## Validation checks"})
    void docsListTheSameChecksInTheSameOrderWithTheSameSeverities(String file, String heading) throws IOException {
        List<String> documented = new ArrayList<>();
        boolean inChecks = false;
        for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inChecks = line.equals(heading);
            }
            // the tables of the checks section: | `name` | severity | meaning | fix |
            if (inChecks && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                assertThat(cells).as(line).hasSizeGreaterThanOrEqualTo(5);
                documented.add(cells[1].trim().replace("`", "") + " " + cells[2].trim());
            }
        }
        List<String> catalogued = Checks.all().stream()
                .map(info -> info.name() + " " + info.severity().label())
                .toList();
        assertThat(documented).containsExactlyElementsOf(catalogued);
    }

    @Test
    void severityLabelsAreLowerCaseAndHyphenated() {
        assertThat(Severity.ERROR.label()).isEqualTo("error");
        assertThat(Severity.SECURITY_WARNING.label()).isEqualTo("security-warning");
        assertThat(Severity.WARNING.label()).isEqualTo("warning");
        assertThat(Severity.SUGGESTION.label()).isEqualTo("suggestion");
    }

    private static boolean isKebabCase(String name) {
        if (name.isEmpty() || name.startsWith("-") || name.endsWith("-") || name.contains("--")) {
            return false;
        }
        for (char c : name.toCharArray()) {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
