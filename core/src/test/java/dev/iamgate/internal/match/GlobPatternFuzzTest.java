package dev.iamgate.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamgate.internal.RequestKeys;
import dev.iamgate.testing.CallBudget;

/**
 * Fuzzes {@link GlobPattern} (actions, StringLike) with arbitrary patterns, values and variable
 * text; input format in {@link MatchInput}. Properties: compiling and matching each take under
 * 100 ms, whatever the stars and question marks; nothing throws; a pattern read without variables
 * matches itself with its wildcards filled in (stars by the value's text, {@code ?} by a letter);
 * a literal pattern matches its literal text.
 */
class GlobPatternFuzzTest {

    @FuzzTest
    void matchingIsLinearAndAFilledInPatternMatches(byte[] bytes) {
        MatchInput in = MatchInput.of(bytes);
        GlobPattern glob = CallBudget.within("compiling " + in,
                () -> GlobPattern.compile(in.pattern(), in.variables(), in.ignoreCase()));
        CallBudget.within("matching " + in, () -> glob.matches(in.value(), in.keys()));

        if (!in.variables()) {
            String instance = in.instance(in.value());
            boolean matches = CallBudget.within("matching the filled-in pattern for " + in,
                    () -> glob.matches(instance, RequestKeys.NONE));
            assertThat(matches).as("%s matches %s", in, instance).isTrue();
        }
        if (glob.isLiteral() && !in.ignoreCase()) {
            assertThat(glob.matches(glob.literalText(), RequestKeys.NONE)).as("%s", in).isTrue();
        }
    }
}
