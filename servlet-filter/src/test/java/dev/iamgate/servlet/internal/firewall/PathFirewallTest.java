package dev.iamgate.servlet.internal.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.servlet.internal.firewall.FirewallResult.Accepted;
import dev.iamgate.servlet.internal.firewall.FirewallResult.Rejected;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per rule of the strict firewall, each with variants beyond the shared payload list:
 * both hex cases, double encoding, mixed raw and encoded forms, positions at the start, middle
 * and end of the path. Then what is accepted and how, the context path, and the opt-outs.
 */
class PathFirewallTest {

    private static final PathFirewall STRICT = PathFirewall.strict();

    @Nested
    class StrictRejects {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users%2Falice/access-keys", "/api/users%2falice/access-keys", "/api%2Fusers%2Falice",
            "/%2F", "/%2fapi/users", "/api/users/alice%2F", "/api/users/bob/..%2F..%2Falice",
            "/api/users/bob/access-keys/%2F%2Fsecret", "/api/users/bob/.%2F",
        })
        void encodedSlashIsRejected(String path) {
            assertRejected(path, PathViolation.ENCODED_SLASH);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users/alice%5Caccess-keys", "/api/users/alice%5caccess-keys", "/%5C", "/api/users/bob/..%5c..%5calice",
            "/api/users/bob%5C%5Calice",
        })
        void encodedBackslashIsRejected(String path) {
            assertRejected(path, PathViolation.ENCODED_BACKSLASH);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/api/users/alice\\access-keys", "/api/users/bob/..\\alice", "/\\", "/api\\", "/\\\\host\\share"})
        void backslashIsRejected(String path) {
            assertRejected(path, PathViolation.BACKSLASH);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users/bob/access-keys%25", "/api/users/alice%252faccess-keys", "/api/users/alice%252Faccess-keys",
            "/api/users/%252e%252e/alice", "/api/users/%252E%252E/alice", "/api/users/alice%25%32%66access-keys",
            "/api/users/alice%25252faccess-keys", "/api/users/alice%253Bx", "/%25",
        })
        void encodedPercentIsRejected(String path) {
            assertRejected(path, PathViolation.ENCODED_PERCENT);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users/%", "/api/users/a%", "/api/users/a%2", "/api/users/a%2/b", "/api/users/a%zz", "/api/users/a%g0",
            "/api/users/a%0g", "/api/users/a%%41", "/api/users/a%-1", "/api/users/a%+f", "/api/users/a%\uff12\uff46",
            "/api/users/%u002f", "/api/users/%U002F", "/api/users/%u002e%u002e/alice", "/api/users/%u2215",
        })
        void percentWithoutTwoHexDigitsIsBadEncoding(String path) {
            assertRejected(path, PathViolation.BAD_ENCODING);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users/bob/access-keys%c0%af", "/api/users/bob/access-keys%C0%AF", "/api/users/%c0%ae%c0%ae/alice",
            "/api/users/%C0%AE%C0%AE/alice", "/api/users/bob%c1%9calice", "/api/users/bob%c0%80",
            "/api/users/bob%e0%80%af", "/api/users/%e0%80%ae%e0%80%ae/alice", "/api/users/bob%f0%80%80%af",
            "/api/users/bob%e0%9f%bf", "/api/users/bob%f0%8f%bf%bf",
        })
        void overlongUtf8IsBadEncoding(String path) {
            assertRejected(path, PathViolation.BAD_ENCODING);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users/bob/access-keys%e2%82", "/api/users/bob/access-keys%E2%82x", "/api/users/caf%c3",
            "/api/users/caf%c3/x", "/api/users/x%f0%9f%98", "/api/users/x%c3%41", "/api/users/x%c3%c3%a9",
            "/api/users/x%80", "/api/users/x%bf", "/api/users/x%f5%80%80%80", "/api/users/x%fe", "/api/users/x%FF",
            "/api/users/x%ed%a0%80", "/api/users/x%ED%BF%BF", "/api/users/x%f4%90%80%80", "/api/users/x%c3\u00a9",
        })
        void truncatedOrInvalidUtf8IsBadEncoding(String path) {
            assertRejected(path, PathViolation.BAD_ENCODING);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/xxx/..;/api/users/bob/access-keys", "/;/api/users/bob", "/api/users/bob/access-keys;.css",
            "/api/users/bob;jsessionid=0123/access-keys", "/api/users/bob;", "/api/users;x=1/bob", "/;",
            "/api/users/bob/%2e%2e;/alice",
        })
        void pathParameterIsRejected(String path) {
            assertRejected(path, PathViolation.PATH_PARAMETER);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/api/users/alice/access-keys%3Bx=1", "/api/users/alice%3b.css", "/api/users/..%3B/alice", "/%3B"})
        void encodedSemicolonIsRejected(String path) {
            assertRejected(path, PathViolation.ENCODED_SEMICOLON);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users/bob/../alice/access-keys", "/api/users/./alice", "/.", "/..", "/./api", "/../api",
            "/api/users/bob/..", "/api/users/bob/.", "/api/users/bob/./", "/api/users/...", "/api/users/..../alice",
        })
        void dotSegmentIsRejected(String path) {
            assertRejected(path, PathViolation.DOT_SEGMENT);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users/bob/access-keys/%2e", "/api/users/bob/access-keys/%2E/", "/api/users/bob/.%2e/alice",
            "/api/users/bob/%2e./alice", "/api/users/bob/%2E%2E/alice", "/api/users/bob/%2e%2E/alice", "/%2e%2e",
            "/api/users/%2e%2e%2e",
        })
        void encodedDotSegmentIsRejected(String path) {
            assertRejected(path, PathViolation.ENCODED_DOT_SEGMENT);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "//", "//api/users/bob", "///api/users/alice", "/api//users/alice", "/api/users/bob/access-keys//",
            "/api/users//", "/api/users/bob//access-keys",
        })
        void emptySegmentIsRejected(String path) {
            assertRejected(path, PathViolation.EMPTY_SEGMENT);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users/bob/access-keys%0a", "/api/users/bob/access-keys%0A", "/api/users/bob/access-keys%0d",
            "/api/users/bob/access-keys%0D%0A", "/api/users/bob%00", "/api/users/bob/..%00/alice",
            "/api/users/bob%09", "/api/users/bob%1b", "/api/users/bob%1F", "/api/users/bob/access-keys%7f",
            "/api/users/bob%7F", "/api/users/bob%c2%80", "/api/users/bob%C2%85", "/api/users/bob%c2%9f",
            "/api/users/bob\n", "/api/users/bob\r", "/api/users/bob\t", "/api/users/bob\u0000", "/api/users/bob\u007f",
        })
        void controlCharacterIsRejected(String path) {
            assertRejected(path, PathViolation.CONTROL_CHARACTER);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users/bob/access-keys%e2%80%a8", "/api/users/bob/access-keys%E2%80%A8", "/api/users/bob%e2%80%a9",
            "/api/users/bob%e2%80%8b", "/api/users/bob%e2%80%8d", "/api/users/bob%e2%80%ae", "/api/users/bob%ef%bb%bf",
            "/api/users/%ef%bb%bfbob", "/api/users/bob%c2%ad", "/api/users/bob%e2%81%a0", "/api/users/bob%e2%81%a6",
        })
        void invisibleCharacterIsRejected(String path) {
            assertRejected(path, PathViolation.INVISIBLE_CHARACTER);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users/bob/access-keys%ef%bc%8fsecret", "/api/users/bob%EF%BC%8Falice", "/api/users/bob%ef%bc%bcalice",
            "/api/users/%ef%bc%8e%ef%bc%8e/alice", "/api/users/%e2%80%a5/alice", "/api/users/bob%cd%be.css",
            "/api/users/bob%ef%bc%9b.css", "/api/users/bob%ef%b9%a8alice", "/api/users/bob%ef%bc%85", "/api/users/bob%ef%bc%83",
            "/api/users/bob%ef%bc%9f", "/api/users/bob%e2%84%80",
        })
        void delimiterLookalikeIsRejected(String path) {
            assertRejected(path, PathViolation.DELIMITER_LOOKALIKE);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users/alice/access-keys%20", "/api/users/alice%20/access-keys", "/api/users/%20alice/access-keys",
            "/api/users/%20", "/api/users/alice%c2%a0", "/api/users/alice%C2%A0/access-keys", "/api/users/alice%e3%80%80",
            "/api/users/alice%e2%80%80", "/api/users/.%20", "/api/users/..%20/alice",
        })
        void edgeWhitespaceIsRejected(String path) {
            assertRejected(path, PathViolation.EDGE_WHITESPACE);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "/api/users/a b", "/api/users/a\"b", "/api/users/a<b", "/api/users/a>b", "/api/users/[a]", "/api/users/a^b",
            "/api/users/a`b", "/api/users/{a}", "/api/users/a|b", "/api/users/caf\u00e9", "/api/users/bob\uff0fsecret",
            "/api/users/bob\u2028", "/api/users/\ud83d\ude00",
        })
        void unencodedIllegalCharacterIsRejected(String path) {
            assertRejected(path, PathViolation.ILLEGAL_CHARACTER);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/api/users/alice/access-keys#x", "/api/users/alice#", "/#", "/api/users/alice?x=1", "/api?"})
        void rawQueryOrFragmentIsRejected(String path) {
            assertRejected(path, PathViolation.QUERY_OR_FRAGMENT);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/api/users/alice/access-keys%23", "/api/users/alice%23x", "/api/users/alice%3F", "/api/users/alice%3fx=1"})
        void encodedQueryOrFragmentIsRejected(String path) {
            assertRejected(path, PathViolation.ENCODED_QUERY_OR_FRAGMENT);
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"", "*", "api/users/alice", "http://localhost/api/users/alice", "%2Fapi", ".", "\\api"})
        void pathNotStartingWithSlashIsRelative(String path) {
            assertRejected(path, PathViolation.RELATIVE_PATH);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/application/api/users", "/other/api", "/", "/ap", "/App/api", "/%61pp2/x"})
        void pathOutsideTheContextIsRejected(String path) {
            assertThat(STRICT.inspect(path, "/app")).as(path)
                    .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.violation()).isEqualTo(PathViolation.OUTSIDE_CONTEXT));
        }
    }

    @Nested
    class StrictAccepts {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "/api/users/alice/access-keys              | /api/users/alice/access-keys",
            "/                                         | /",
            "/api/users/                               | /api/users/",
            "/api/users/alice/access-keys/             | /api/users/alice/access-keys/",
            "/api/%75sers/alice                        | /api/users/alice",
            "/api/users/alice%40example.com            | /api/users/alice@example.com",
            "/api/users/alice@example.com              | /api/users/alice@example.com",
            "/api/users/a+b=c,d/access-keys            | /api/users/a+b=c,d/access-keys",
            "/api/users/caf%C3%A9                      | /api/users/caf\u00e9",
            "/api/users/caf%c3%a9                      | /api/users/caf\u00e9",
            "/api/users/%F0%9F%98%80                   | /api/users/\ud83d\ude00",
            "/api/users/%e4%b8%ad%e6%96%87             | /api/users/\u4e2d\u6587",
            "/api/users/a%20b                          | /api/users/a b",
            "/api/users/x%2ejson                       | /api/users/x.json",
            "/api/users/.hidden                        | /api/users/.hidden",
            "/api/users/a..b                           | /api/users/a..b",
            "/api/users/~alice:1/keys!$&'()*           | /api/users/~alice:1/keys!$&'()*",
        })
        void cleanPathIsAcceptedDecoded(String raw, String expected) {
            assertAccepted(STRICT.inspect(raw, ""), expected);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/API/users/bob/access-keys", "/api/USERS/alice/access-keys", "/api/users/ALICE/access-keys"})
        void caseIsKeptBecauseMatchingIsCaseSensitive(String raw) {
            assertAccepted(STRICT.inspect(raw, ""), raw);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/api/users/alice.", "/api/users/bob/access-keys.", "/api/users/bob/access-keys.json"})
        void trailingDotAndSuffixAreKeptAsOtherNames(String raw) {
            assertAccepted(STRICT.inspect(raw, ""), raw);
        }

        @Test
        void cleanPathInTheRootContextIsTheRawStringItself() {
            String raw = "/api/users/alice/access-keys";
            assertThat(STRICT.inspect(raw, "")).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.path()).isSameAs(raw));
            assertThat(STRICT.inspect(raw, "/")).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.path()).isSameAs(raw));
        }

        @ParameterizedTest(name = "{0} in {1} -> {2}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "/app/api/users/alice  | /app    | /api/users/alice",
            "/app                  | /app    | /",
            "/app/                 | /app    | /",
            "/%61pp/api/users      | /app    | /api/users",
            "/app/api/users        | /%61pp  | /api/users",
            "/%61pp/api/users      | /%61pp  | /api/users",
            "/my%20app/api         | /my app | /api",
            "/a/b/api%40x          | /a/b    | /api@x",
        })
        void contextPathIsCutFromTheDecodedPath(String raw, String context, String expected) {
            assertAccepted(STRICT.inspect(raw, context), expected);
        }
    }

    @Nested
    class OptOuts {

        @Test
        void strictAllowsNothing() {
            assertThat(STRICT.allowed()).isEmpty();
            assertThat(Arrays.stream(PathViolation.values()).noneMatch(STRICT::allows)).isTrue();
            assertThat(STRICT).hasToString("PathFirewall[strict]");
        }

        @Test
        void allowingReturnsANewFirewallAndLeavesStrictAlone() {
            PathFirewall lenient = STRICT.allowing(PathViolation.EMPTY_SEGMENT);
            assertThat(lenient.allowed()).containsExactly(PathViolation.EMPTY_SEGMENT);
            assertThat(STRICT.allowed()).isEmpty();
            assertThat(PathFirewall.strict().allows(PathViolation.EMPTY_SEGMENT)).isFalse();
            assertThat(lenient.allowing(PathViolation.EMPTY_SEGMENT)).isSameAs(lenient);
            assertThat(lenient).isEqualTo(STRICT.allowing(PathViolation.EMPTY_SEGMENT)).isNotEqualTo(STRICT);
            assertThat(lenient.toString()).contains("EMPTY_SEGMENT");
        }

        @ParameterizedTest
        @EnumSource(value = PathViolation.class, names = {"RELATIVE_PATH", "OUTSIDE_CONTEXT", "QUERY_OR_FRAGMENT", "BAD_ENCODING"})
        void violationThatLeavesNoPathCannotBeAllowed(PathViolation violation) {
            assertThat(violation.allowable()).isFalse();
            assertThatThrownBy(() -> STRICT.allowing(violation))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(violation.name());
        }

        @Test
        void everyViolationHasADescription() {
            for (PathViolation violation : PathViolation.values()) {
                assertThat(violation.description()).as(violation.name()).isNotBlank();
            }
        }

        @Test
        void allowedEmptySegmentIsKeptAsTheContainerDispatchesIt() {
            PathFirewall firewall = STRICT.allowing(PathViolation.EMPTY_SEGMENT);
            assertAccepted(firewall.inspect("/api//users/alice", ""), "/api//users/alice");
            assertAccepted(firewall.inspect("//api", ""), "//api");
            assertRejected(firewall, "/api//users/./alice", PathViolation.DOT_SEGMENT);
        }

        @Test
        void allowedPathParameterIsStrippedButStillChecked() {
            PathFirewall firewall = STRICT.allowing(PathViolation.PATH_PARAMETER);
            assertAccepted(firewall.inspect("/api/users/alice;jsessionid=0123/access-keys", ""), "/api/users/alice/access-keys");
            assertAccepted(firewall.inspect("/api/users/alice/access-keys;.css", ""), "/api/users/alice/access-keys");
            assertAccepted(firewall.inspect("/api/users/alice;a;b=c", ""), "/api/users/alice");
            assertRejected(firewall, "/xxx/..;/api/users/bob", PathViolation.DOT_SEGMENT);
            assertRejected(firewall, "/api/users/bob/%2e%2e;/alice", PathViolation.ENCODED_DOT_SEGMENT);
            assertRejected(firewall, "/;/api/users/bob", PathViolation.EMPTY_SEGMENT);
            assertRejected(firewall, "/api/users/alice;x=%0a", PathViolation.CONTROL_CHARACTER);
            assertRejected(firewall, "/api/users/alice;x=%2F", PathViolation.ENCODED_SLASH);
            assertRejected(firewall, "/api/users/alice;x=%c0%af", PathViolation.BAD_ENCODING);
        }

        @Test
        void allowedDotSegmentsAreResolvedAsTheContainerResolvesThem() {
            PathFirewall firewall = STRICT.allowing(PathViolation.DOT_SEGMENT);
            assertAccepted(firewall.inspect("/api/users/./alice", ""), "/api/users/alice");
            assertAccepted(firewall.inspect("/api/users/bob/../alice", ""), "/api/users/alice");
            assertAccepted(firewall.inspect("/api/users/bob/..", ""), "/api/users/");
            assertAccepted(firewall.inspect("/api/users/bob/.", ""), "/api/users/bob/");
            assertAccepted(firewall.inspect("/api/users/...", ""), "/api/users/...");
            assertAccepted(firewall.inspect("/app/../app/x", "/app"), "/x");
            assertRejected(firewall, "/app/../x", PathViolation.OUTSIDE_CONTEXT, "/app");
            assertRejected(firewall, "/..", PathViolation.DOT_SEGMENT);
            assertRejected(firewall, "/api/../../x", PathViolation.DOT_SEGMENT);
            assertRejected(firewall, "/api/users/%2e%2e/x", PathViolation.ENCODED_DOT_SEGMENT);
        }

        @Test
        void allowedEncodedSlashDecodesWithoutSplittingTheSegment() {
            PathFirewall firewall = STRICT.allowing(PathViolation.ENCODED_SLASH, PathViolation.DOT_SEGMENT);
            assertAccepted(firewall.inspect("/api/users%2Falice", ""), "/api/users/alice");
            // Jetty resolves the raw segments: '..' removes "a%2Fb" as a whole.
            assertAccepted(firewall.inspect("/x/a%2Fb/../c", ""), "/x/c");
            assertAccepted(firewall.inspect("/x/..%2Fc", ""), "/x/../c");
        }

        @Test
        void allowedRawNonAsciiIsStillCheckedAsCharacters() {
            PathFirewall firewall = STRICT.allowing(PathViolation.ILLEGAL_CHARACTER);
            assertAccepted(firewall.inspect("/api/users/caf\u00e9", ""), "/api/users/caf\u00e9");
            assertRejected(firewall, "/api/users/bob\uff0fsecret", PathViolation.DELIMITER_LOOKALIKE);
            assertRejected(firewall, "/api/users/bob\u2028", PathViolation.INVISIBLE_CHARACTER);
            assertRejected(firewall, "/api/users/bob\u0085", PathViolation.CONTROL_CHARACTER);
            assertRejected(firewall, "/api/users/bob\ud800", PathViolation.BAD_ENCODING);
            assertRejected(firewall, "/api/users/bob\udc00x", PathViolation.BAD_ENCODING);
        }

        @Test
        void eachAllowedCharacterViolationKeepsTheDecodedCharacter() {
            assertAccepted(STRICT.allowing(PathViolation.ENCODED_PERCENT).inspect("/a%252f", ""), "/a%2f");
            assertAccepted(STRICT.allowing(PathViolation.ENCODED_SEMICOLON).inspect("/a%3Bb", ""), "/a;b");
            assertAccepted(STRICT.allowing(PathViolation.ENCODED_BACKSLASH).inspect("/a%5Cb", ""), "/a\\b");
            assertAccepted(STRICT.allowing(PathViolation.BACKSLASH).inspect("/a\\b", ""), "/a\\b");
            assertAccepted(STRICT.allowing(PathViolation.CONTROL_CHARACTER).inspect("/a%09", ""), "/a\t");
            assertAccepted(STRICT.allowing(PathViolation.ENCODED_QUERY_OR_FRAGMENT).inspect("/a%3Fb%23", ""), "/a?b#");
            assertAccepted(STRICT.allowing(PathViolation.EDGE_WHITESPACE).inspect("/a%20", ""), "/a ");
            assertAccepted(STRICT.allowing(PathViolation.DELIMITER_LOOKALIKE).inspect("/a%ef%bc%8f", ""), "/a\uff0f");
            assertAccepted(STRICT.allowing(PathViolation.INVISIBLE_CHARACTER).inspect("/a%e2%80%8b", ""), "/a\u200b");
            assertAccepted(STRICT.allowing(PathViolation.ENCODED_DOT_SEGMENT).inspect("/a/%2e%2e/b", ""), "/b");
        }
    }

    @Nested
    class Details {

        @Test
        void detailNamesTheOffendingTextAndOffset() {
            assertThat(STRICT.inspect("/api/users%2Falice", "")).isEqualTo(new Rejected(PathViolation.ENCODED_SLASH, "%2F at offset 10"));
            assertThat(STRICT.inspect("/a/b%c0%afc", ""))
                    .isEqualTo(new Rejected(PathViolation.BAD_ENCODING, "overlong UTF-8 encoding: %c0%af at offset 4"));
            assertThat(STRICT.inspect("/a/%2e%2E/b", ""))
                    .isEqualTo(new Rejected(PathViolation.ENCODED_DOT_SEGMENT, "'%2e%2E' segment at offset 3"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/a\r\nSet-Cookie: x", "/a%0d%0aX: y", "/caf\u00e9", "/\u2028", "/%e2%80%a8", "/a\u0000"})
        void detailIsPrintableAsciiSoItCannotForgeLogLines(String raw) {
            assertThat(STRICT.inspect(raw, "")).isInstanceOfSatisfying(Rejected.class,
                    r -> assertThat(r.detail().chars().allMatch(c -> c >= 0x20 && c < 0x7F)).as(r.detail()).isTrue());
        }
    }

    static void assertRejected(String raw, PathViolation expected) {
        assertRejected(STRICT, raw, expected);
    }

    static void assertRejected(PathFirewall firewall, String raw, PathViolation expected) {
        assertRejected(firewall, raw, expected, "");
    }

    static void assertRejected(PathFirewall firewall, String raw, PathViolation expected, String context) {
        assertThat(firewall.inspect(raw, context)).as(raw)
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.violation()).as("%s: %s", raw, r.detail()).isEqualTo(expected));
    }

    static void assertAccepted(FirewallResult result, String expectedPath) {
        assertThat(result).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.path()).isEqualTo(expectedPath));
    }
}
