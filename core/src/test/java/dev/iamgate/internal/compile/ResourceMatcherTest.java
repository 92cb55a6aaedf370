package dev.iamgate.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.ResourceElement;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.policy.TextValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A {@code Resource} of one literal ARN is answered by one string comparison ({@link
 * ResourceMatcher#onlyLiteral()}), which evaluation checks before anything else; that shortcut
 * must agree with the general match, and must not apply where a string comparison is not the
 * rule (wildcards, variables, several entries, NotResource).
 */
class ResourceMatcherTest {

    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final String BOB = "arn:aws:iam::123456789012:user/bob";
    private static final RequestKeys ALICE_KEYS = key -> key.equals("aws:username") ? List.of("alice") : List.of();

    private static ResourceMatcher matcher(boolean negated, PolicyVersion version, String... patterns) {
        List<TextValue> values = Arrays.stream(patterns).map(TextValue::of).toList();
        return new ResourceMatcher(Optional.of(new ResourceElement(negated, values, SourceLocation.UNKNOWN)), version);
    }

    @Test
    void aResourceOfOneLiteralArnIsThatArnAndNothingElse() {
        ResourceMatcher alice = matcher(false, PolicyVersion.V2012_10_17, ALICE);

        assertThat(alice.onlyLiteral()).isEqualTo(ALICE);
        assertThat(alice.matches(ALICE, RequestKeys.NONE)).isTrue();
        assertThat(alice.matches(BOB, RequestKeys.NONE)).isFalse();
        assertThat(alice.matches(ALICE + "x", RequestKeys.NONE)).isFalse();
        assertThat(alice.matches("*", RequestKeys.NONE)).isFalse();
    }

    @Test
    void wildcardsVariablesSeveralEntriesAndNotResourceAreMatchedInFull() {
        List<ResourceMatcher> general = List.of(
                matcher(false, PolicyVersion.V2012_10_17, "arn:aws:iam::*:user/alice"),
                matcher(false, PolicyVersion.V2012_10_17, "arn:aws:iam::123456789012:user/${aws:username}"),
                matcher(false, PolicyVersion.V2012_10_17, ALICE, BOB),
                matcher(false, PolicyVersion.V2012_10_17, "*"),
                matcher(true, PolicyVersion.V2012_10_17, BOB));
        for (ResourceMatcher matcher : general) {
            assertThat(matcher.onlyLiteral()).as("%s", matcher).isNull();
            assertThat(matcher.matches(ALICE, ALICE_KEYS)).as("%s", matcher).isTrue();
        }
        assertThat(matcher(true, PolicyVersion.V2012_10_17, ALICE).matches(ALICE, RequestKeys.NONE)).isFalse();
        assertThat(matcher(true, PolicyVersion.V2012_10_17, ALICE).matches(BOB, RequestKeys.NONE)).isTrue();
    }

    @Test
    void aVariableIsLiteralTextUnderTheOldVersion() {
        String text = "arn:aws:iam::123456789012:user/${aws:username}";
        ResourceMatcher old = matcher(false, PolicyVersion.V2008_10_17, text);

        assertThat(old.onlyLiteral()).isEqualTo(text);
        assertThat(old.matches(text, ALICE_KEYS)).isTrue();
        assertThat(old.matches(ALICE, ALICE_KEYS)).isFalse();
    }

    @Test
    void aStatementWithoutResourceExcludesNothing() {
        ResourceMatcher none = new ResourceMatcher(Optional.empty(), PolicyVersion.V2012_10_17);

        assertThat(none.onlyLiteral()).isNull();
        assertThat(none.matches(ALICE, RequestKeys.NONE)).isTrue();
    }
}
