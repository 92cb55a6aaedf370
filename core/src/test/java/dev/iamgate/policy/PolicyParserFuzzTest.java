package dev.iamgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamgate.internal.json.PolicyWriter;
import dev.iamgate.testing.CallBudget;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes {@link PolicyParser} with arbitrary documents (the input's bytes as UTF-8). Properties: the
 * only exception is {@link PolicyParseException}, with a one-line message that names the policy; a
 * parse takes under 100 ms; a parsed policy, written back by {@link PolicyWriter}, parses to the
 * same policy (source locations aside), and writing that again gives the same text.
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
            return;
        }
        String written = PolicyWriter.write(policy);
        Policy again = PolicyParser.parse(written, NAME);
        assertThat(withoutLocations(again)).as(written).isEqualTo(withoutLocations(policy));
        assertThat(PolicyWriter.write(again)).isEqualTo(written);
    }

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
