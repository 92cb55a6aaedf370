package dev.iamgate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One case per check, in {@code src/test/resources/validate/<check-name>/}: {@code triggers.json}
 * must report the check exactly at the line:column positions listed in {@code case.properties}
 * ({@code at=}), and {@code near-miss.json}, a small change away, must not report it at all. The
 * properties may also set {@code kind} ({@link PolicyKind}) and {@code attachment}.
 */
class CheckCasesTest {

    private static final Path CASES = Path.of("src/test/resources/validate");

    /** Checks whose trigger is built in code: a file would have to be a mebibyte long. */
    private static final List<String> TESTED_IN_CODE = List.of("document-too-large");

    static Stream<String> checks() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void everyCheckOfTheCatalogueHasACase() throws IOException {
        List<String> expected = new ArrayList<>();
        for (CheckInfo info : Checks.all()) {
            if (!TESTED_IN_CODE.contains(info.name())) {
                expected.add(info.name());
            }
        }
        assertThat(checks().toList()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void triggersReportTheCheckExactlyWhereExpected(String check) throws IOException {
        Properties properties = properties(check);
        String json = read(check, "triggers.json");
        ValidationReport report = PolicyValidator.validate(json, options(properties));

        List<Finding> found = report.findings().stream()
                .filter(f -> f.check().equals(check))
                .toList();

        assertThat(found).extracting(f -> f.location().lineColumn())
                .as("findings: %s", report.findings())
                .containsExactly(properties.getProperty("at").trim().split(" +"));
        CheckInfo info = Checks.byName(check).orElseThrow();
        for (Finding finding : found) {
            assertThat(finding.severity()).isEqualTo(info.severity());
            assertThat(finding.message()).isNotBlank().doesNotContain("\n");
            assertThat(finding.message().charAt(finding.message().length() - 1)).isIn('.', '?');
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void nearMissDoesNotReportTheCheck(String check) throws IOException {
        ValidationReport report = PolicyValidator.validate(read(check, "near-miss.json"),
                options(properties(check)));

        assertThat(report.findings()).extracting(Finding::check).doesNotContain(check);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void everyPointerOfAParsedDocumentNamesAValueInIt(String check) throws IOException {
        String json = read(check, "triggers.json");
        ValidationReport report = PolicyValidator.validate(json, options(properties(check)));
        if (report.policy().isEmpty()) {
            return;
        }
        JsonNode tree = JsonMapper.builder().build().readTree(json);
        for (Finding finding : report.findings()) {
            assertThat(tree.at(finding.location().pointer()).isMissingNode())
                    .as("%s", finding).isFalse();
        }
    }

    private static ValidationOptions options(Properties properties) {
        return new ValidationOptions(
                PolicyKind.valueOf(properties.getProperty("kind", "IDENTITY")),
                Attachment.valueOf(properties.getProperty("attachment", "MANAGED")));
    }

    private static Properties properties(String check) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(CASES.resolve(check).resolve("case.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    private static String read(String check, String file) throws IOException {
        return Files.readString(CASES.resolve(check).resolve(file), StandardCharsets.UTF_8);
    }
}
