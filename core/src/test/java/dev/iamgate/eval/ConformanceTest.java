package dev.iamgate.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled conformance corpus (a sample of the hidden one run through {@code iamgate eval}):
 * every case must get the decision AWS IAM makes. Cases are labelled by an independent simulator,
 * corrected by the AWS IAM User Guide where the two disagree.
 */
class ConformanceTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> everyCaseGetsTheDecisionAwsMakes() throws IOException {
        List<DynamicTest> tests = cases().map(testCase -> DynamicTest.dynamicTest(
                testCase.get("id").asString() + " [" + testCase.get("family").asString() + "]",
                () -> assertThat(decide(testCase))
                        .as("%s", testCase)
                        .isEqualTo(testCase.get("expected").asString()))).toList();
        assertThat(tests).hasSize(300);
        return tests.stream();
    }

    /**
     * {@link PolicySet#referencedKeys()} is exact enough to build requests from: leaving every other
     * key out changes no decision and no explanation, in any case of the corpus.
     */
    @TestFactory
    Stream<DynamicTest> keysThePoliciesDoNotReferenceChangeNothing() throws IOException {
        return cases().map(testCase -> DynamicTest.dynamicTest(testCase.get("id").asString(), () -> {
            PolicySet set = policySet(testCase);
            RequestContext every = request(testCase);
            RequestContext.Builder referenced = RequestContext.builder()
                    .principal(every.principal()).action(every.action()).resource(every.resource());
            every.keys().forEach((name, values) -> {
                if (set.referencesKey(RequestContext.KeyName.of(name))) {
                    referenced.key(name, values);
                }
            });
            assertThat(set.explain(referenced.build())).isEqualTo(set.explain(every));
        }));
    }

    private static Stream<JsonNode> cases() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ConformanceTest.class.getResourceAsStream("/conformance/public.jsonl")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    cases.add(JSON.readTree(line));
                }
            }
        }
        return cases.stream();
    }

    private static String decide(JsonNode testCase) {
        return policySet(testCase).evaluate(request(testCase)).outcome().wireName();
    }

    private static PolicySet policySet(JsonNode testCase) {
        JsonNode policies = testCase.get("policies");
        PolicySet.Builder builder = PolicySet.builder()
                .identity(parseAll(policies.path("identity")))
                .resource(parseAll(policies.path("resource")))
                .permissionsBoundary(parseAll(policies.path("boundary")));
        List<Policy> scps = parseAll(policies.path("scp"));
        if (!scps.isEmpty()) {
            builder.serviceControlLevel(scps);
        }
        return builder.build();
    }

    private static RequestContext request(JsonNode testCase) {
        JsonNode request = testCase.get("request");
        RequestContext.Builder context = RequestContext.builder()
                .principal(request.path("principal").asString(""))
                .action(request.get("action").asString())
                .resource(request.get("resource").asString());
        request.path("context").properties().forEach(entry -> {
            if (entry.getValue().isArray()) {
                List<String> values = new ArrayList<>();
                entry.getValue().forEach(v -> values.add(v.asString()));
                context.key(entry.getKey(), values);
            } else {
                context.key(entry.getKey(), entry.getValue().asString());
            }
        });
        return context.build();
    }

    private static List<Policy> parseAll(JsonNode array) {
        List<Policy> parsed = new ArrayList<>();
        array.forEach(node -> parsed.add(PolicyParser.parse(node.toString())));
        return parsed;
    }
}
