package dev.iamgate.internal.match;

import static dev.iamgate.internal.match.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.testing.CpuBound;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResourcePatternTest {

    private static boolean matches(String pattern, String resource) {
        return ResourcePattern.compile(pattern, true).matches(resource, RequestKeys.NONE);
    }

    @Test
    void bareStarMatchesEverything() {
        ResourcePattern all = ResourcePattern.compile("*", true);

        assertThat(all.matchesEverything()).isTrue();
        assertThat(all.matches("*", RequestKeys.NONE)).isTrue();
        assertThat(all.matches("", RequestKeys.NONE)).isTrue();
        assertThat(all.matches("arn:aws:iam::123456789012:user/a:b", RequestKeys.NONE)).isTrue();
        assertThat(ResourcePattern.compile("arn:*", true).matchesEverything()).isFalse();
    }

    @Test
    void literalArnMatchesOnlyItself() {
        assertThat(matches("arn:aws:iam::123456789012:user/Bob", "arn:aws:iam::123456789012:user/Bob")).isTrue();
        assertThat(matches("arn:aws:iam::123456789012:user/Bob", "arn:aws:iam::123456789012:user/Bobby")).isFalse();
        assertThat(matches("arn:aws:s3:::bucket", "*")).isFalse();
    }

    @Test
    void matchingIsCaseSensitive() {
        assertThat(matches("arn:aws:iam::123456789012:user/Bob", "arn:aws:iam::123456789012:user/bob")).isFalse();
    }

    @Test
    void starAtEndOfSegmentCrossesColons() {
        assertThat(matches("arn:aws:ec2:us-east-1*:instance/*",
                "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc123")).isTrue();
        assertThat(matches("arn:aws:s3*", "arn:aws:s3:::bucket/key")).isTrue();
    }

    @Test
    void starFillingAnEmptySegmentCrossesColons() {
        assertThat(matches("arn:aws:iam:*:user/alice", "arn:aws:iam::123456789012:user/alice")).isTrue();
        assertThat(matches("arn:aws:iam:*:user/alice", "arn:aws:iam::123456789012:user/bob")).isFalse();
    }

    @Test
    void aSingleColonCrossingStarNeedsTheWholePrefixAndSuffixWithoutOverlap() {
        assertThat(matches("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/")).isTrue();
        assertThat(matches("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a:b/c")).isTrue();
        assertThat(matches("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket")).isFalse();
        assertThat(matches("arn:aws:s3:::bucket/*", "arn:aws:s3:::Bucket/key")).isFalse();
        assertThat(matches("arn:aws:iam::*:user/alice", "arn:aws:iam:::user/alice")).isTrue();
        assertThat(matches("arn:aws:iam::*:user/alice", "arn:aws:iam::user/alice")).isFalse();
        assertThat(matches("arn:aws:iam::*:user/alice", "arn:aws:iam::1:2:user/alice")).isTrue();
        assertThat(matches("arn:aws:iam::*:user/alice", "arn:aws:iam::1:user/alicE")).isFalse();
        assertThat(matches("arn:aws:s3:::b/*/x", "arn:aws:s3:::b/k/x")).isTrue();
        assertThat(matches("arn:aws:s3:::b/*/x", "arn:aws:s3:::b/x")).isFalse();
    }

    @Test
    void starInsideSegmentDoesNotCrossColons() {
        assertThat(matches("arn:aws:s*s:::b", "arn:aws:sqs:::b")).isTrue();
        assertThat(matches("arn:aws:s*s:::b", "arn:aws:sx:s:::b")).isFalse();
        assertThat(matches("arn:aws:s*s:::b", "arn:aws:s:x:s:::b")).isFalse();
        assertThat(matches("*bar:x", "foo:bar:x")).isFalse();
        assertThat(matches("*bar:x", "foobar:x")).isTrue();
    }

    @Test
    void starRunEndingASegmentCrossesColons() {
        assertThat(matches("arn:aws:ec2:us-*east-1**:instance/*",
                "arn:aws:ec2:us-east-1:123456789012:instance/i-1")).isTrue();
    }

    @Test
    void questionMarkInFirstFiveSegmentsDoesNotMatchColon() {
        assertThat(matches("arn:aws:iam:?123456789012:user/a", "arn:aws:iam::123456789012:user/a")).isFalse();
        assertThat(matches("arn:aws:iam:?123456789012:user/a", "arn:aws:iam:x123456789012:user/a")).isTrue();
        assertThat(matches("arn:aws:sq?:us-east-1:1:q", "arn:aws:sqs:us-east-1:1:q")).isTrue();
    }

    @Test
    void wildcardsInResourcePartMatchColons() {
        assertThat(matches("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a:b/c")).isTrue();
        assertThat(matches("arn:aws:x:::a?b", "arn:aws:x:::a:b")).isTrue();
        assertThat(matches("arn:aws:logs:us-east-1:1:log-group:*:log-stream:*",
                "arn:aws:logs:us-east-1:1:log-group:g:1:log-stream:s")).isTrue();
    }

    @Test
    void starInResourcePartCrossesSlashes() {
        String pattern = "arn:aws:s3:::bucket/*/test/*";

        assertThat(matches(pattern, "arn:aws:s3:::bucket/1/2/test/3/x.jpg")).isTrue();
        assertThat(matches(pattern, "arn:aws:s3:::bucket//test/x.jpg")).isTrue();
        assertThat(matches(pattern, "arn:aws:s3:::bucket/test/x.jpg")).isFalse();
        assertThat(matches(pattern, "arn:aws:s3:::bucket/1-test/x.jpg")).isFalse();
    }

    @Test
    void variableScopesResourceToItsUser() {
        ResourcePattern pattern = ResourcePattern.compile("arn:aws:iam::*:user/${aws:username}", true);
        RequestKeys alice = keys("aws:username", "alice");

        assertThat(pattern.matches("arn:aws:iam::123456789012:user/alice", alice)).isTrue();
        assertThat(pattern.matches("arn:aws:iam::123456789012:user/bob", alice)).isFalse();
        assertThat(pattern.matches("arn:aws:iam::123456789012:user/alice/x", alice)).isFalse();
    }

    @Test
    void missingVariableMatchesNothing() {
        ResourcePattern pattern = ResourcePattern.compile("arn:aws:iam::*:user/${aws:username}", true);

        assertThat(pattern.matches("arn:aws:iam::123456789012:user/alice", RequestKeys.NONE)).isFalse();
        assertThat(pattern.matches("arn:aws:iam::123456789012:user/", RequestKeys.NONE)).isFalse();
    }

    @Test
    void defaultIsUsedWhenKeyAbsent() {
        ResourcePattern pattern = ResourcePattern.compile("arn:aws:s3:::home/${aws:username, 'guest'}/*", true);

        assertThat(pattern.matches("arn:aws:s3:::home/guest/a", RequestKeys.NONE)).isTrue();
    }

    @Test
    void substitutedTextIsLiteral() {
        ResourcePattern pattern = ResourcePattern.compile("arn:aws:iam::*:user/${aws:username}", true);
        RequestKeys star = keys("aws:username", "*");

        assertThat(pattern.matches("arn:aws:iam::1:user/bob", star)).isFalse();
        assertThat(pattern.matches("arn:aws:iam::1:user/*", star)).isTrue();
    }

    @Test
    void variablesAreLiteralUnderOldVersions() {
        ResourcePattern pattern = ResourcePattern.compile("arn:aws:s3:::bucket/${aws:username}/*", false);
        RequestKeys alice = keys("aws:username", "alice");

        assertThat(pattern.matches("arn:aws:s3:::bucket/${aws:username}/a.txt", alice)).isTrue();
        assertThat(pattern.matches("arn:aws:s3:::bucket/alice/a.txt", alice)).isFalse();
    }

    @Test
    void variablesAreOnlySubstitutedInTheResourcePart() {
        ResourcePattern pattern = ResourcePattern.compile("arn:aws:iam::${aws:PrincipalAccount}:user/x", true);
        RequestKeys account = keys("aws:PrincipalAccount", "123456789012");

        assertThat(pattern.matches("arn:aws:iam::123456789012:user/x", account)).isFalse();
        assertThat(pattern.matches("arn:aws:iam::${aws:PrincipalAccount}:user/x", account)).isTrue();
    }

    @Test
    void escapesAreLiteralCharacters() {
        ResourcePattern pattern = ResourcePattern.compile("arn:aws:s3:::b/${*}${?}", true);

        assertThat(pattern.matches("arn:aws:s3:::b/*?", RequestKeys.NONE)).isTrue();
        assertThat(pattern.matches("arn:aws:s3:::b/xy", RequestKeys.NONE)).isFalse();
    }

    @Test
    void blocksWiderThanOneWordKeepSegmentRules() {
        String path = "/very/long/path".repeat(6);
        ResourcePattern pattern = ResourcePattern.compile("arn:aws:s*3:::bucket" + path + "/?", true);

        assertThat(pattern.matches("arn:aws:sxx3:::bucket" + path + "/k", RequestKeys.NONE)).isTrue();
        assertThat(pattern.matches("arn:aws:s:3:::bucket" + path + "/k", RequestKeys.NONE)).isFalse();
        assertThat(pattern.matches("arn:aws:sxx3:::bucket" + path + "/kk", RequestKeys.NONE)).isFalse();
    }

    @Test
    void agreesWithReferenceMatcherOnRandomInput() {
        Random random = new Random(7L);
        for (int run = 0; run < 5000; run++) {
            String pattern = GlobPatternTest.randomString(random, "ab:*?", 12);
            String value = GlobPatternTest.randomString(random, "ab:", 12);
            if (pattern.equals("*")) {
                continue;
            }
            assertThat(matches(pattern, value))
                    .as("%s vs %s", pattern, value)
                    .isEqualTo(reference(pattern, 0, value, 0));
        }
    }

    @Test
    void restrictedStarsAgainstLongRunStayLinear() {
        ResourcePattern pattern = ResourcePattern.compile("*a*a*a*a*a*a*a*a*b:x", true);
        String value = "a".repeat(50_000) + ":" + "a".repeat(50_000) + ":x";

        CpuBound.within(Duration.ofSeconds(2),
                () -> assertThat(pattern.matches(value, RequestKeys.NONE)).isFalse());
    }

    @Test
    void manyStarsInResourcePartStayLinear() {
        ResourcePattern pattern = ResourcePattern.compile("arn:aws:s3:::*a*a*a*a*a*a*a*a*b", true);
        String value = "arn:aws:s3:::" + "a".repeat(100_000);

        CpuBound.within(Duration.ofSeconds(2), () -> {
            assertThat(pattern.matches(value, RequestKeys.NONE)).isFalse();
            assertThat(pattern.matches(value + "b", RequestKeys.NONE)).isTrue();
        });
    }

    @Test
    void longQuestionMarkPatternStaysLinear() {
        ResourcePattern pattern = ResourcePattern.compile("a*a*:::*" + "?a".repeat(4_995) + "b*", true);
        String value = "aa:::" + "a".repeat(100_000);

        CpuBound.within(Duration.ofSeconds(2), () -> {
            assertThat(pattern.matches(value, RequestKeys.NONE)).isFalse();
            assertThat(pattern.matches(value + "b", RequestKeys.NONE)).isTrue();
        });
    }

    /**
     * Textbook recursive matcher over the documented rule, written independently of the engine:
     * before the fifth colon, '?' skips ':' and '*' crosses ':' only when it ends its segment.
     */
    private static boolean reference(String p, int i, String v, int j) {
        if (i == p.length()) {
            return j == v.length();
        }
        boolean head = colonsBefore(p, i) < 5;
        char c = p.charAt(i);
        if (c == '*') {
            int next = i;
            while (next < p.length() && p.charAt(next) == '*') {
                next++;
            }
            boolean crosses = !head || next == p.length() || p.charAt(next) == ':';
            return reference(p, i + 1, v, j)
                    || (j < v.length() && (crosses || v.charAt(j) != ':') && reference(p, i, v, j + 1));
        }
        if (j == v.length()) {
            return false;
        }
        boolean ok = c == '?' ? !head || v.charAt(j) != ':' : c == v.charAt(j);
        return ok && reference(p, i + 1, v, j + 1);
    }

    private static int colonsBefore(String p, int i) {
        int count = 0;
        for (int k = 0; k < i; k++) {
            if (p.charAt(k) == ':') {
                count++;
            }
        }
        return count;
    }

    @Test
    void variablesInTheLiteralTailAreComparedInPlaceWithoutAllocating() {
        ResourcePattern own = ResourcePattern.compile("arn:aws:iam::*:user/${aws:username}", true);
        RequestKeys alice = keys("aws:username", "alice");
        String aliceArn = "arn:aws:iam::123456789012:user/alice";
        String bobArn = "arn:aws:iam::123456789012:user/bob";
        assertThat(own.matches(aliceArn, alice)).isTrue();
        assertThat(own.matches(bobArn, alice)).isFalse();
        assertThat(own.matches("arn:aws:iam::123456789012:user/xalice", alice)).isFalse();
        assertThat(own.matches("user/alice", alice)).isFalse();

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        boolean sink = false;
        for (int i = 0; i < 20_000; i++) { // let the JIT compile the match
            sink ^= own.matches(i % 2 == 0 ? aliceArn : bobArn, alice);
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 10_000; i++) {
            sink ^= own.matches(i % 2 == 0 ? aliceArn : bobArn, alice);
        }
        long perMatch = (threads.getThreadAllocatedBytes(thread) - before) / 10_000;
        assertThat(perMatch).as("bytes per match (sink %s)", sink).isZero();
    }

    @Test
    void explanationsShowThePolicyTextAsWritten() {
        assertThat(ResourcePattern.compile("arn:aws:s3:::home/${aws:username}/*", true))
                .hasToString("arn:aws:s3:::home/${aws:username}/*");
        assertThat(ResourcePattern.compile("*", true)).hasToString("*");
    }

    @Test
    void literalTextAfterAVariableIsComparedToo() {
        ResourcePattern profile = ResourcePattern.compile("arn:aws:s3:::home/${aws:username}/profile", true);
        RequestKeys alice = keys("aws:username", "alice");
        assertThat(profile.matches("arn:aws:s3:::home/alice/profile", alice)).isTrue();
        assertThat(profile.matches("arn:aws:s3:::home/alice/profilE", alice)).isFalse();
        assertThat(profile.matches("arn:aws:s3:::home/alice-profile", alice)).isFalse();
    }
}
