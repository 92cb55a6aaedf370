package dev.iamgate.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamgate.internal.RequestKeys;
import dev.iamgate.testing.CallBudget;

/**
 * Fuzzes {@link ResourcePattern} with arbitrary patterns, resources and variable text; input format
 * in {@link MatchInput}. Properties: compiling and matching each take under 100 ms; nothing throws;
 * a pattern read without variables matches itself with each star filled in by the value's text
 * without its colons (which every star may match, in any ARN segment) and each {@code ?} by a letter.
 */
class ResourcePatternFuzzTest {

    @FuzzTest
    void matchingIsLinearAndAFilledInPatternMatches(byte[] bytes) {
        MatchInput in = MatchInput.of(bytes);
        ResourcePattern pattern = CallBudget.within("compiling " + in,
                () -> ResourcePattern.compile(in.pattern(), in.variables()));
        CallBudget.within("matching " + in, () -> pattern.matches(in.value(), in.keys()));

        if (!in.variables()) {
            String instance = in.instance(in.value().replace(":", ""));
            boolean matches = CallBudget.within("matching the filled-in pattern for " + in,
                    () -> pattern.matches(instance, RequestKeys.NONE));
            assertThat(matches).as("%s matches %s", in, instance).isTrue();
        }
    }
}
