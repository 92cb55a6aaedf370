package dev.iamgate.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamgate.internal.RequestKeys;
import dev.iamgate.testing.CallBudget;

/**
 * Fuzzes {@link ValueTemplate} and the {@link VariableParser} behind every pattern with arbitrary
 * policy text and variable text; input format in {@link MatchInput} (the value is unused).
 * Properties: parsing and resolving each take under 100 ms; nothing throws; without variables the
 * text is its own resolution; with them, a template that needs no request resolves to the same text
 * for any request, and a resolved template never comes out longer than its text plus one copy of
 * the variable text per {@code ${}.
 */
class ValueTemplateFuzzTest {

    @FuzzTest
    void resolvingIsLinearAndLiteralTextStaysLiteral(byte[] bytes) {
        MatchInput in = MatchInput.of(bytes);
        String text = in.pattern();
        ValueTemplate literal = CallBudget.within("parsing " + in, () -> ValueTemplate.parse(text, false));
        assertThat(literal.hasVariables()).isFalse();
        assertThat(literal.resolve(in.keys())).isEqualTo(text);

        ValueTemplate template = CallBudget.within("parsing " + in, () -> ValueTemplate.parse(text, true));
        String resolved = CallBudget.within("resolving " + in, () -> template.resolve(in.keys()));
        if (!template.hasVariables()) {
            assertThat(template.resolve(RequestKeys.NONE)).as("%s", in).isEqualTo(resolved).isNotNull();
        } else if (resolved != null) {
            String variableText = in.keys().single("k");
            int references = 0;
            for (int at = text.indexOf("${"); at >= 0; at = text.indexOf("${", at + 2)) {
                references++;
            }
            long bound = text.length() + (long) references * (variableText == null ? 0 : variableText.length());
            assertThat((long) resolved.length()).as("%s", in).isLessThanOrEqualTo(bound);
        }
    }
}
