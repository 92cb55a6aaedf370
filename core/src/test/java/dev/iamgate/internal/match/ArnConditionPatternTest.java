package dev.iamgate.internal.match;

import static dev.iamgate.internal.match.TestKeys.keys;
import static dev.iamgate.internal.match.TestKeys.multivalued;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.testing.CpuBound;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArnConditionPatternTest {

    private static boolean matches(String pattern, String arn) {
        return ArnConditionPattern.compile(pattern, true).matches(arn, RequestKeys.NONE);
    }

    @Test
    void starDoesNotCrossPartSeparators() {
        String pattern = "arn:aws:svc:*:111122223333:finance/*";
        String value = "arn:aws:svc:us-east-2:999999999999:store/abc:111122223333:finance/d.txt";

        assertThat(matches(pattern, value)).isFalse();
        // StringLike treats the ARN as one string, so there the star does cross colons.
        assertThat(GlobPattern.compile(pattern, true, false).matches(value, RequestKeys.NONE)).isTrue();
    }

    @Test
    void partsAreMatchedSeparately() {
        assertThat(matches("arn:aws:svc:*:111122223333:finance/*", "arn:aws:svc:us-east-2:111122223333:finance/d.txt"))
                .isTrue();
        assertThat(matches("arn:aws:*:us-east-1:*:*", "arn:aws:sqs:us-east-1:1:q")).isTrue();
        assertThat(matches("arn:aws:*:us-east-1:*:*", "arn:aws:sqs:eu-west-1:1:q")).isFalse();
    }

    @Test
    void resourcePartKeepsColonsAndSlashes() {
        assertThat(matches("arn:aws:logs:*:1:log-group:*", "arn:aws:logs:r:1:log-group:g:log-stream:s")).isTrue();
        assertThat(matches("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y:z")).isTrue();
        assertThat(matches("arn:aws:s3:::b/a?c", "arn:aws:s3:::b/a:c")).isTrue();
    }

    @Test
    void emptyPartsMatchOnlyEmptyParts() {
        assertThat(matches("arn:aws:iam::123:user/x", "arn:aws:iam::123:user/x")).isTrue();
        assertThat(matches("arn:aws:iam::123:user/x", "arn:aws:iam:r:123:user/x")).isFalse();
        assertThat(matches("arn:aws:iam:*:123:user/x", "arn:aws:iam::123:user/x")).isTrue();
    }

    @Test
    void questionMarkMatchesOneCharacterWithinPart() {
        assertThat(matches("arn:aws:sq?:*:*:q", "arn:aws:sqs:r:1:q")).isTrue();
        assertThat(matches("arn:aws:sq?:*:*:q", "arn:aws:sq:r:1:q")).isFalse();
    }

    @Test
    void fewerThanSixPartsNeverMatch() {
        assertThat(matches("*", "arn:aws:s3:::b")).isFalse();
        assertThat(matches("arn:aws:s3::*", "arn:aws:s3:::b")).isFalse();
        assertThat(matches("arn:*:*:*:*:*", "arn:aws:s3::b")).isFalse();
        assertThat(matches("arn:*:*:*:*:*", "arn:aws:s3:::")).isTrue();
    }

    @Test
    void matchingIsCaseSensitive() {
        assertThat(matches("arn:aws:iam::1:role/Admin", "arn:aws:iam::1:role/admin")).isFalse();
        assertThat(matches("ARN:aws:iam::1:role/Admin", "arn:aws:iam::1:role/Admin")).isFalse();
    }

    @Test
    void variableInAccountPartIsNotSplitAtItsColon() {
        ArnConditionPattern pattern = ArnConditionPattern.compile("arn:aws:iam::${aws:PrincipalAccount}:role/*", true);

        assertThat(pattern.matches("arn:aws:iam::123:role/r", keys("aws:PrincipalAccount", "123"))).isTrue();
        assertThat(pattern.matches("arn:aws:iam::456:role/r", keys("aws:PrincipalAccount", "123"))).isFalse();
    }

    @Test
    void substitutedTextIsLiteral() {
        ArnConditionPattern pattern = ArnConditionPattern.compile("arn:aws:iam::${k}:role/x", true);

        assertThat(pattern.matches("arn:aws:iam::1:role/x", keys("k", "*"))).isFalse();
        assertThat(pattern.matches("arn:aws:iam::1:2:role/x", keys("k", "1:2"))).isFalse();
    }

    @Test
    void missingVariableMatchesNothing() {
        ArnConditionPattern pattern = ArnConditionPattern.compile("arn:aws:iam::*:user/${aws:username}", true);

        assertThat(pattern.matches("arn:aws:iam::1:user/alice", RequestKeys.NONE)).isFalse();
        assertThat(pattern.matches("arn:aws:iam::1:user/alice", keys("aws:username", "alice"))).isTrue();
    }

    @Test
    void defaultIsUsedWhenKeyAbsent() {
        ArnConditionPattern pattern = ArnConditionPattern.compile("arn:aws:iam::*:user/${aws:username, 'nobody'}", true);

        assertThat(pattern.matches("arn:aws:iam::1:user/nobody", RequestKeys.NONE)).isTrue();
    }

    @Test
    void multivaluedKeyIsUnresolvable() {
        ArnConditionPattern pattern = ArnConditionPattern.compile("arn:aws:iam::*:user/${k}", true);

        assertThat(pattern.matches("arn:aws:iam::1:user/a", multivalued("k", "a", "b"))).isFalse();
    }

    @Test
    void variablesAreLiteralUnderOldVersions() {
        ArnConditionPattern pattern = ArnConditionPattern.compile("arn:aws:s3:::b/${aws:username}", false);

        assertThat(pattern.matches("arn:aws:s3:::b/${aws:username}", keys("aws:username", "a"))).isTrue();
        assertThat(pattern.matches("arn:aws:s3:::b/a", keys("aws:username", "a"))).isFalse();
    }

    @Test
    void escapesAreLiteralCharacters() {
        ArnConditionPattern pattern = ArnConditionPattern.compile("arn:aws:s3:::b/${*}", true);

        assertThat(pattern.matches("arn:aws:s3:::b/*", RequestKeys.NONE)).isTrue();
        assertThat(pattern.matches("arn:aws:s3:::b/x", RequestKeys.NONE)).isFalse();
    }

    @Test
    void manyStarsAgainstLongRunStayLinear() {
        ArnConditionPattern pattern = ArnConditionPattern.compile("arn:aws:s3:::*a*a*a*a*a*a*a*a*b", true);
        String value = "arn:aws:s3:::" + "a".repeat(100_000);

        CpuBound.within(Duration.ofSeconds(2), () -> {
            assertThat(pattern.matches(value, RequestKeys.NONE)).isFalse();
            assertThat(pattern.matches(value + "b", RequestKeys.NONE)).isTrue();
        });
    }

    @Test
    void longQuestionMarkPatternStaysLinear() {
        ArnConditionPattern pattern = ArnConditionPattern.compile("*:*:*:*:*:*" + "?a".repeat(4_995) + "b*", true);
        String value = "a:a:a:a:a:" + "a".repeat(100_000);

        CpuBound.within(Duration.ofSeconds(2), () -> {
            assertThat(pattern.matches(value, RequestKeys.NONE)).isFalse();
            assertThat(pattern.matches(value + "b", RequestKeys.NONE)).isTrue();
        });
    }

    @Test
    void explanationsShowThePolicyTextAsWritten() {
        assertThat(ArnConditionPattern.compile("arn:aws:iam::${aws:PrincipalAccount}:role/*", true))
                .hasToString("arn:aws:iam::${aws:PrincipalAccount}:role/*");
        assertThat(ArnConditionPattern.compile("not-an-arn", true)).hasToString("not-an-arn");
    }
}
