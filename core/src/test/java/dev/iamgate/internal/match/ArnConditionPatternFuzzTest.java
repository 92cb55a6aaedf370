package dev.iamgate.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamgate.internal.RequestKeys;
import dev.iamgate.testing.CallBudget;

/**
 * Fuzzes {@link ArnConditionPattern} (ArnLike, ArnEquals) with arbitrary patterns, ARNs and variable
 * text; input format in {@link MatchInput}. Properties: compiling and matching each take under
 * 100 ms; nothing throws; a pattern read without variables, filled in (stars by the value's text
 * without colons, {@code ?} by a letter), matches exactly when it has the six parts of an ARN.
 */
class ArnConditionPatternFuzzTest {

    @FuzzTest
    void matchingIsLinearAndAFilledInPatternMatchesWhenItHasSixParts(byte[] bytes) {
        MatchInput in = MatchInput.of(bytes);
        ArnConditionPattern pattern = CallBudget.within("compiling " + in,
                () -> ArnConditionPattern.compile(in.pattern(), in.variables()));
        CallBudget.within("matching " + in, () -> pattern.matches(in.value(), in.keys()));

        if (!in.variables()) {
            String instance = in.instance(in.value().replace(":", ""));
            boolean sixParts = instance.chars().filter(c -> c == ':').count() >= 5;
            boolean matches = CallBudget.within("matching the filled-in pattern for " + in,
                    () -> pattern.matches(instance, RequestKeys.NONE));
            assertThat(matches).as("%s matches %s", in, instance).isEqualTo(sixParts);
        }
    }
}
