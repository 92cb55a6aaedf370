package dev.iamgate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.testing.CpuBound;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Validation never throws, whatever the document: every case file and every policy of the
 * conformance corpus, as written and under thousands of small mutations, under every kind.
 */
class ValidatorRobustnessTest {

    private static final Path CASES = Path.of("src/test/resources/validate");
    private static final Path CORPUS = Path.of("src/test/resources/conformance/public.jsonl");

    /** Characters that matter to JSON and to the policy language. */
    private static final String INTERESTING = "{}[]\":,*?$/ \\\n0aZ-\u2013";

    private static List<String> documents() throws IOException {
        List<String> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CASES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                documents.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, JsonNode> layer : json.readTree(line).get("policies").properties()) {
                for (JsonNode policy : layer.getValue()) {
                    documents.add(policy.toString());
                }
            }
        }
        return documents;
    }

    @Test
    void everyDocumentAndKindValidatesWithoutThrowing() throws IOException {
        for (String document : documents()) {
            for (PolicyKind kind : PolicyKind.values()) {
                ValidationReport report = PolicyValidator.validate(document, ValidationOptions.of(kind));
                assertThat(report.findings()).allSatisfy(f -> assertThat(f.message()).doesNotContain("\n"));
            }
        }
    }

    @Test
    void mutatedDocumentsValidateWithoutThrowing() throws IOException {
        Random random = new Random(20_260_101L); // fixed: a failure must be reproducible
        for (String document : documents()) {
            for (int round = 0; round < 20; round++) {
                StringBuilder mutated = new StringBuilder(document);
                for (int edits = 1 + random.nextInt(3); edits > 0 && mutated.length() > 0; edits--) {
                    int at = random.nextInt(mutated.length());
                    switch (random.nextInt(3)) {
                        case 0 -> mutated.deleteCharAt(at);
                        case 1 -> mutated.insert(at, INTERESTING.charAt(random.nextInt(INTERESTING.length())));
                        default -> mutated.setCharAt(at, INTERESTING.charAt(random.nextInt(INTERESTING.length())));
                    }
                }
                String text = mutated.toString();
                ValidationReport report = PolicyValidator.validate(text, ValidationOptions.of(PolicyKind.RESOURCE));
                assertThat(report.policy().isPresent() || report.hasErrors()).as(text).isTrue();
            }
        }
    }

    @Test
    void largeHostileDocumentsStayFast() {
        String variables = "${".repeat(300_000);
        String actions = "\"s3:Get*\",".repeat(20_000) + "\"s3:*\"";
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            keys.append("\"svc:Key").append(i).append("\": \"v\", \"SVC:KEY").append(i).append("\": \"w\",");
        }
        keys.setLength(keys.length() - 1);
        StringBuilder statements = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            statements.append(i == 0 ? "" : ",").append("{\"Effect\": \"Allow\", \"Action\": \"s3:*\","
                    + " \"Resource\": \"arn:aws:s3:::b").append(i).append("/*\"}");
        }
        List<String> hostile = List.of(
                statement("\"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b/" + variables + "\""),
                statement("\"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b/" + "${x".repeat(200_000)
                        + "}\""),
                statement("\"Action\": [" + actions + "], \"Resource\": \"*\""),
                statement("\"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {"
                        + keys + "}}"),
                "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}");
        CpuBound.within(Duration.ofSeconds(10), () -> {
            for (String document : hostile) {
                assertThat(PolicyValidator.validate(document).policy()).isPresent();
            }
        });
    }

    private static String statement(String elements) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", " + elements + "}}";
    }
}
