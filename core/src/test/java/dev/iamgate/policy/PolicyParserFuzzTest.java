package dev.iamgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamgate.internal.json.PolicyWriter;
import dev.iamgate.testing.CallBudget;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * Fuzzes {@link PolicyParser} with arbitrary documents (the input's bytes as UTF-8). Properties: the
 * only exception is {@link PolicyParseException}, with a one-line message that names the policy; a
 * parse takes under 100 ms; a parsed policy, written back by {@link PolicyWriter}, parses to the
 * same policy (source locations aside), and writing that again gives the same text; read from the
 * tokens of a larger text instead, a document parses exactly when it parses alone, to the same
 * policy.
 *
 * <p>Regression inputs: {@code PolicyParserFuzzTestInputs/} in the test resources; see
 * {@code docs/fuzzing.md}.
 */
class PolicyParserFuzzTest {

    private static final String NAME = "fuzz.json";

    @FuzzTest
    void parseFailsOnlyWithPolicyParseExceptionAndRoundTrips(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        Policy policy;
        try {
            policy = CallBudget.within("parsing a document of " + json.length() + " chars",
                    () -> PolicyParser.parse(json, NAME));
        } catch (PolicyParseException e) {
            assertThat(e.getMessage()).startsWith(NAME + ":").endsWith("[" + e.problem().checkName() + "]")
                    .doesNotContain("\n", "\r");
            assertThat(e.detail()).isNotBlank();
            assertThat(embedded(json)).as("read from the tokens of a larger text").isEmpty();
            return;
        }
        assertThat(embedded(json).map(PolicyParserFuzzTest::withoutLocations)).as("read from the tokens of a larger text")
                .contains(withoutLocations(policy));
        String written = PolicyWriter.write(policy);
        Policy again = PolicyParser.parse(written, NAME);
        assertThat(withoutLocations(again)).as(written).isEqualTo(withoutLocations(policy));
        assertThat(PolicyWriter.write(again)).isEqualTo(written);
    }

    /**
     * The document read with {@link PolicyParser#parse(JsonParser, String)} from the UTF-8 bytes of
     * {@code [0, document]}, when that succeeds and the document was the whole of its text (the array
     * closes right after it). What {@code iamgate eval} relies on: such a read succeeds exactly when
     * the document parses alone, and gives the same policy. The outer parser's own limits are set
     * wide, so only the policy reader's count.
     */
    private static Optional<Policy> embedded(String json) {
        // "[0, " first: Jackson guesses a byte source's encoding from its first four bytes, and
        // NULs at the start of the document must not make it read the whole text as UTF-32
        byte[] text = ("[0, " + json + "]").getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = WIDE.createParser(ObjectReadContext.empty(), text)) {
            parser.nextToken();
            parser.nextToken();
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            Policy policy = PolicyParser.parse(parser, NAME);
            return parser.nextToken() == JsonToken.END_ARRAY && parser.nextToken() == null
                    ? Optional.of(policy) : Optional.empty();
        } catch (PolicyParseException | JacksonException e) {
            return Optional.empty();
        }
    }

    private static final JsonFactory WIDE = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(PolicyParser.MAX_NESTING_DEPTH + 2)
                    .maxNumberLength(PolicyParser.DEFAULT_MAX_DOCUMENT_CHARS)
                    .maxStringLength(PolicyParser.DEFAULT_MAX_DOCUMENT_CHARS)
                    .maxNameLength(PolicyParser.DEFAULT_MAX_DOCUMENT_CHARS).build())
            .build();

    /** The same policy with every source location {@link SourceLocation#UNKNOWN}. */
    private static Policy withoutLocations(Policy policy) {
        return new Policy(policy.name(), policy.version(), policy.id(),
                policy.statements().stream().map(PolicyParserFuzzTest::withoutLocations).toList());
    }

    private static Statement withoutLocations(Statement s) {
        Optional<PrincipalElement> principal = s.principal().map(p -> new PrincipalElement(p.negated(),
                p.principals().stream().map(id -> new PrincipalId(id.type(), bare(id.value()))).toList(),
                SourceLocation.UNKNOWN));
        ActionElement action = new ActionElement(s.action().negated(), bare(s.action().patterns()), SourceLocation.UNKNOWN);
        Optional<ResourceElement> resource = s.resource().map(r ->
                new ResourceElement(r.negated(), bare(r.patterns()), SourceLocation.UNKNOWN));
        List<Condition> conditions = s.conditions().stream().map(c ->
                new Condition(c.operator(), bare(c.key()), bare(c.values()), SourceLocation.UNKNOWN)).toList();
        return new Statement(s.index(), s.sid(), s.effect(), principal, action, resource, conditions,
                SourceLocation.UNKNOWN);
    }

    private static List<TextValue> bare(List<TextValue> values) {
        return values.stream().map(PolicyParserFuzzTest::bare).toList();
    }

    private static TextValue bare(TextValue value) {
        return TextValue.of(value.text());
    }
}
