package dev.iamgate.internal.match;

import static dev.iamgate.internal.match.TestKeys.keys;
import static dev.iamgate.internal.match.TestKeys.multivalued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.testing.CpuBound;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GlobPatternTest {

    private static boolean like(String pattern, String value) {
        return GlobPattern.compile(pattern, true, false).matches(value, RequestKeys.NONE);
    }

    private static boolean action(String pattern, String value) {
        return GlobPattern.compile(pattern, false, true).matches(value, RequestKeys.NONE);
    }

    @Test
    void starMatchesAnyRunIncludingEmpty() {
        assertThat(like("a*b", "ab")).isTrue();
        assertThat(like("a*b", "axxxb")).isTrue();
        assertThat(like("*", "")).isTrue();
        assertThat(like("**", "anything")).isTrue();
        assertThat(like("a*b*c", "abbc")).isTrue();
        assertThat(like("a*b*c", "acb")).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertThat(like("a?c", "abc")).isTrue();
        assertThat(like("a?c", "ac")).isFalse();
        assertThat(like("a?c", "abbc")).isFalse();
        assertThat(like("*??", "x")).isFalse();
        assertThat(like("*??", "xy")).isTrue();
    }

    @Test
    void matchingIsAnchoredAtBothEnds() {
        assertThat(like("abc", "xabc")).isFalse();
        assertThat(like("abc", "abcx")).isFalse();
        assertThat(like("a*", "ba")).isFalse();
        assertThat(like("*a", "ab")).isFalse();
    }

    @Test
    void firstAndLastChunksDoNotOverlap() {
        assertThat(like("ab*ba", "aba")).isFalse();
        assertThat(like("ab*ba", "abba")).isTrue();
        assertThat(like("a*x*a", "axa")).isTrue();
        assertThat(like("a*x*a", "aa")).isFalse();
    }

    @Test
    void starCrossesColonsAndSlashes() {
        assertThat(like("arn:aws:svc:*:111122223333:finance/*",
                "arn:aws:svc:us-east-2:999999999999:store/abc:111122223333:finance/d.txt")).isTrue();
    }

    @Test
    void stringLikeIsCaseSensitive() {
        assertThat(like("Abc*", "abcd")).isFalse();
        assertThat(like("*B", "ab")).isFalse();
    }

    @Test
    void actionMatchingIgnoresCase() {
        assertThat(action("IAM:listaccesskeys", "iam:ListAccessKeys")).isTrue();
        assertThat(action("iam:List*", "IAM:LISTUSERS")).isTrue();
        assertThat(action("*ACCESS*", "iam:ListAccessKeys")).isTrue();
        assertThat(action("s3:Get?bject", "S3:GETOBJECT")).isTrue();
        assertThat(action("iam:List*", "iam:GetUser")).isFalse();
    }

    @Test
    void ignoringCaseFoldsBeyondAsciiWithoutLocale() {
        assertThat(action("café*", "CAFÉ-AU-LAIT")).isTrue();
        assertThat(action("*É", "café")).isTrue();
        // Same per-char rule as String.equalsIgnoreCase: KELVIN SIGN folds to 'k'.
        assertThat(action("k", "\u212A")).isTrue();
        assertThat(action("*k*", "x\u212Ax")).isTrue();
    }

    @Test
    void matchesEverythingOnlyForBareStar() {
        assertThat(GlobPattern.compile("*", true, true).matchesEverything()).isTrue();
        assertThat(GlobPattern.compile("s3:*", true, true).matchesEverything()).isFalse();
        assertThat(GlobPattern.compile("${*}", true, true).matchesEverything()).isFalse();
    }

    @Test
    void literalPatternsExposeTheirText() {
        GlobPattern pattern = GlobPattern.compile("iam:ListUsers", true, false);

        assertThat(pattern.isLiteral()).isTrue();
        assertThat(pattern.literalText()).isEqualTo("iam:ListUsers");
    }

    @Test
    void literalTextOfCaseInsensitivePatternIsLowerCase() {
        GlobPattern pattern = GlobPattern.compile("IAM:ListUsers", false, true);

        assertThat(pattern.literalText()).isEqualTo("iam:listusers");
        assertThat(pattern.matches("iam:LISTUSERS", RequestKeys.NONE)).isTrue();
    }

    @Test
    void literalTextResolvesEscapes() {
        GlobPattern pattern = GlobPattern.compile("a${*}b${?}", true, false);

        assertThat(pattern.isLiteral()).isTrue();
        assertThat(pattern.literalText()).isEqualTo("a*b?");
    }

    @Test
    void wildcardOrVariablePatternIsNotLiteral() {
        assertThat(GlobPattern.compile("a*", true, false).isLiteral()).isFalse();
        assertThat(GlobPattern.compile("a?", true, false).isLiteral()).isFalse();
        assertThat(GlobPattern.compile("${aws:username}", true, false).isLiteral()).isFalse();
        assertThat(GlobPattern.compile("${aws:username}", false, false).isLiteral()).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> GlobPattern.compile("a*", true, false).literalText());
    }

    @Test
    void emptyPatternMatchesOnlyEmptyValue() {
        assertThat(like("", "")).isTrue();
        assertThat(like("", "a")).isFalse();
    }

    @Test
    void escapesAreLiteralCharacters() {
        assertThat(like("a${*}b", "a*b")).isTrue();
        assertThat(like("a${*}b", "axb")).isFalse();
        assertThat(like("${?}", "?")).isTrue();
        assertThat(like("${?}", "x")).isFalse();
        assertThat(like("${$}{x}*", "${x}y")).isTrue();
    }

    @Test
    void variableIsSubstituted() {
        GlobPattern pattern = GlobPattern.compile("home/${aws:username}/*", true, false);

        assertThat(pattern.matches("home/alice/a.txt", keys("aws:username", "alice"))).isTrue();
        assertThat(pattern.matches("home/bob/a.txt", keys("aws:username", "alice"))).isFalse();
    }

    @Test
    void variableInsideSearchedChunk() {
        GlobPattern pattern = GlobPattern.compile("*-${k}-*", true, false);

        assertThat(pattern.matches("x-red-y", keys("k", "red"))).isTrue();
        assertThat(pattern.matches("x-red-y", keys("k", "blue"))).isFalse();
    }

    @Test
    void substitutedTextIsLiteral() {
        GlobPattern pattern = GlobPattern.compile("home/${aws:username}", true, false);
        RequestKeys keys = keys("aws:username", "*?");

        assertThat(pattern.matches("home/*?", keys)).isTrue();
        assertThat(pattern.matches("home/alice", keys)).isFalse();
    }

    @Test
    void substitutedTextFollowsCaseRuleOfPattern() {
        GlobPattern pattern = GlobPattern.compile("${k}*", true, true);

        assertThat(pattern.matches("ABC", keys("k", "abc"))).isTrue();
    }

    @Test
    void missingVariableMatchesNothing() {
        GlobPattern pattern = GlobPattern.compile("*${aws:username}*", true, false);

        assertThat(pattern.matches("anything", RequestKeys.NONE)).isFalse();
        assertThat(pattern.matches("", RequestKeys.NONE)).isFalse();
    }

    @Test
    void defaultIsUsedWhenKeyAbsent() {
        GlobPattern pattern = GlobPattern.compile("team/${aws:PrincipalTag/team, 'none'}/*", true, false);

        assertThat(pattern.matches("team/none/x", RequestKeys.NONE)).isTrue();
        assertThat(pattern.matches("team/red/x", keys("aws:principaltag/team", "red"))).isTrue();
    }

    @Test
    void multivaluedKeyIsUnresolvable() {
        GlobPattern pattern = GlobPattern.compile("${aws:TagKeys}", true, false);

        assertThat(pattern.matches("a", multivalued("aws:TagKeys", "a", "b"))).isFalse();
    }

    @Test
    void variablesAreLiteralUnderOldVersions() {
        GlobPattern pattern = GlobPattern.compile("${aws:username}/*", false, false);
        RequestKeys alice = keys("aws:username", "alice");

        assertThat(pattern.matches("${aws:username}/x", alice)).isTrue();
        assertThat(pattern.matches("alice/x", alice)).isFalse();
    }

    @Test
    void chunksWiderThanOneWordAreSearchedExactly() {
        String chunk = "ab?".repeat(30) + "c";
        GlobPattern pattern = GlobPattern.compile("x*" + chunk + "*y", true, false);
        String match = "ab-".repeat(30) + "c";
        String nearMiss = "ab-".repeat(29) + "a-bc";

        assertThat(pattern.matches("x" + nearMiss + match + "y", RequestKeys.NONE)).isTrue();
        assertThat(pattern.matches("x" + nearMiss + nearMiss + "y", RequestKeys.NONE)).isFalse();
        assertThat(pattern.matches("x" + ("ab" + "-".repeat(2)).repeat(40) + "y", RequestKeys.NONE)).isFalse();
    }

    @Test
    void agreesWithReferenceMatcherOnRandomInput() {
        Random random = new Random(20230517L);
        String alphabet = "ab:/*?";
        for (int run = 0; run < 5000; run++) {
            String pattern = randomString(random, alphabet, 8);
            String value = randomString(random, "ab:/", 10);
            assertThat(like(pattern, value))
                    .as("%s vs %s", pattern, value)
                    .isEqualTo(reference(pattern, 0, value, 0));
        }
    }

    @Test
    void agreesWithReferenceMatcherWhenIgnoringCase() {
        Random random = new Random(42L);
        for (int run = 0; run < 3000; run++) {
            String pattern = randomString(random, "aAbB*?", 8);
            String value = randomString(random, "aAbB", 10);
            boolean expected = reference(pattern.toLowerCase(), 0, value.toLowerCase(), 0);
            assertThat(action(pattern, value)).as("%s vs %s", pattern, value).isEqualTo(expected);
        }
    }

    @Test
    void manyStarsAgainstLongRunStayLinear() {
        GlobPattern pattern = GlobPattern.compile("*a*a*a*a*a*a*a*a*b", true, false);
        String value = "a".repeat(100_000);

        CpuBound.within(Duration.ofSeconds(2), () -> {
            assertThat(pattern.matches(value, RequestKeys.NONE)).isFalse();
            assertThat(pattern.matches(value + "b", RequestKeys.NONE)).isTrue();
        });
    }

    @Test
    void longQuestionMarkPatternStaysLinear() {
        GlobPattern pattern = GlobPattern.compile("*" + "?a".repeat(4_999) + "b*", true, false);
        String value = "a".repeat(100_000);

        CpuBound.within(Duration.ofSeconds(2), () -> {
            assertThat(pattern.matches(value, RequestKeys.NONE)).isFalse();
            assertThat(pattern.matches(value + "b", RequestKeys.NONE)).isTrue();
        });
    }

    @Test
    void longSubstitutedVariableStaysLinear() {
        GlobPattern pattern = GlobPattern.compile("*${k}*", true, false);
        RequestKeys keys = keys("k", "a".repeat(5_000) + "b");
        String value = "a".repeat(100_000);

        CpuBound.within(Duration.ofSeconds(2),
                () -> assertThat(pattern.matches(value, keys)).isFalse());
    }

    static String randomString(Random random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Textbook recursive glob: exponential, obviously right. */
    private static boolean reference(String p, int i, String v, int j) {
        if (i == p.length()) {
            return j == v.length();
        }
        char c = p.charAt(i);
        if (c == '*') {
            return reference(p, i + 1, v, j) || (j < v.length() && reference(p, i, v, j + 1));
        }
        return j < v.length() && (c == '?' || c == v.charAt(j)) && reference(p, i + 1, v, j + 1);
    }

    @Test
    void explanationsShowThePolicyTextAsWritten() {
        assertThat(GlobPattern.compile("IAM:List*${aws:username}", true, true)).hasToString("IAM:List*${aws:username}");
    }

    @Test
    void searchedStretchesCompareCharactersBeyondAscii() {
        assertThat(like("*ü*", "grün")).isTrue();
        assertThat(like("*ü*", "grun")).isFalse();
        assertThat(like("*a?c*", "xaéc")).isTrue();
        assertThat(like("*aéc*", "xaëc")).isFalse();
        assertThat(action("*É*", "ÉCOLE:lire")).isTrue();
        assertThat(action("*é*", "x:É")).isTrue();
    }

    @Test
    void ignoringCaseFoldsEveryAsciiLetterFromAToZ() {
        assertThat(action("ec2:describeavailabilityzones", "EC2:DescribeAvailabilityZones")).isTrue();
        assertThat(action("*zone*", "ec2:DescribeAvailabilityZones")).isTrue();
        assertThat(action("a*", "A")).isTrue();
        assertThat(action("[*", "{")).isFalse();
        assertThat(action("@*", "`")).isFalse();
    }

    @Test
    void everyVariableOfAPatternIsSubstitutedInItsOwnPlace() {
        RequestKeys keys = keys("a", "x", "b", "y");
        GlobPattern tail = GlobPattern.compile("home/${a}/${b}", true, false);
        assertThat(tail.matches("home/x/y", keys)).isTrue();
        assertThat(tail.matches("home/y/x", keys)).isFalse();
        GlobPattern resolved = GlobPattern.compile("${a}*${b}", true, false);
        assertThat(resolved.matches("x-mid-y", keys)).isTrue();
        assertThat(resolved.matches("y-mid-x", keys)).isFalse();
    }

    @Test
    void aTrailingStarDoesNotAnchorTheLastStretchAtTheEnd() {
        assertThat(like("a*b*", "abx")).isTrue();
        assertThat(like("a*b*", "axx")).isFalse();
    }
}
