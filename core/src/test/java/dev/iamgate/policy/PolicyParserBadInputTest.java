package dev.iamgate.policy;

import static dev.iamgate.policy.ParseAssertions.assertRejected;
import static dev.iamgate.policy.ParseAssertions.rejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamgate.testing.CpuBound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

/**
 * Hostile and broken input: whatever arrives, the parser answers with a policy or a {@link
 * PolicyParseException}, and it does so quickly and in bounded memory.
 */
class PolicyParserBadInputTest {

    /** A safety bound so that a regression fails instead of hanging the build; not a benchmark. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    private static final int TEN_MB = 10 * 1024 * 1024;

    private static String seedPolicy() throws IOException {
        try (InputStream in =
                PolicyParserBadInputTest.class.getResourceAsStream(
                        "/policies/mfa-self-manage-policy.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** Parses, returning normally only with a policy or a PolicyParseException. */
    private static void parseOrReject(String json) {
        try {
            PolicyParser.parse(json, "fuzz.json");
        } catch (PolicyParseException expected) {
            assertThat(expected.location()).isNotNull();
        } catch (Throwable unexpected) {
            throw new AssertionError(
                    "unexpected " + unexpected + " for input: " + json, unexpected);
        }
    }

    @Test
    void everyPrefixOfAValidPolicyIsAJsonSyntaxError() throws IOException {
        String policy = seedPolicy();
        for (int length = 0; length < policy.length(); length++) {
            String prefix = policy.substring(0, length);
            PolicyParseException fromString = rejected(prefix);
            PolicyParseException fromReader =
                    assertThrows(
                            PolicyParseException.class,
                            () ->
                                    PolicyParser.parse(
                                            new StringReader(prefix), ParseAssertions.NAME));
            assertThat(fromString.problem())
                    .as("prefix of %d chars", length)
                    .isEqualTo(PolicyProblem.JSON_SYNTAX);
            assertThat(fromReader.location())
                    .as("prefix of %d chars", length)
                    .isEqualTo(fromString.location());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "  \n\t\r\n ",
                "hello",
                "{",
                "}",
                "{]",
                "{\"Statement\"}",
                "nul",
                "\"unterminated",
                "{\"Statement\": {\"Effect\": \"Allow\" \"Action\": \"*\"}}",
                "\u0000",
                "{\"a\": 01}",
                "{\"a\": NaN}"
            })
    void textThatIsNotJsonIsAJsonSyntaxError(String text) {
        assertRejected(text, PolicyProblem.JSON_SYNTAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"hello\"", "[1,2]", "[]", "null", "42", "true"})
    void jsonThatIsNotAnObjectIsTheWrongType(String json) {
        assertRejected(json, PolicyProblem.WRONG_TYPE, "", 1, 1);
    }

    @Test
    void emptyDocumentSaysSo() {
        PolicyParseException e = assertRejected("", PolicyProblem.JSON_SYNTAX, "", 1, 1);

        assertThat(e.detail()).isEqualTo("the document is empty");
    }

    @Test
    void truncatedDocumentSaysSo() {
        PolicyParseException e = assertRejected("{\"Statement\": [", PolicyProblem.JSON_SYNTAX);

        assertThat(e.detail()).isEqualTo("the document ends before its JSON is complete");
    }

    @Test
    void byteOrderMarkIsNotJson() {
        assertRejected(
                "\uFEFF{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}",
                PolicyProblem.JSON_SYNTAX,
                "",
                1,
                1);
    }

    @Test
    void controlCharacterInAStringIsNotJson() {
        assertRejected(
                "{\"Statement\": {\"Effect\": \"Al\u0001low\", \"Action\": \"*\"}}",
                PolicyProblem.JSON_SYNTAX);
    }

    @Test
    void unpairedSurrogateInAValueIsRejected() {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*",
                  "Sid": "bad\uD800"}}
                """;
        PolicyParseException e =
                assertRejected(json, PolicyProblem.JSON_SYNTAX, "/Statement/Sid", 2, 10);

        assertThat(e.detail())
                .isEqualTo("string contains an unpaired UTF-16 surrogate U+D800 at index 3");
    }

    @Test
    void escapedUnpairedSurrogateIsRejected() {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "\\uDC00*"}}
                """;
        assertRejected(json, PolicyProblem.JSON_SYNTAX, "/Statement/Action", 1, 45);
    }

    @Test
    void unpairedSurrogateInAKeyIsRejectedAtTheKey() {
        String json =
                """
                {"Statement": {"Effect": "Allow", "Action": "*",
                  "\uDC00": 1}}
                """;
        assertRejected(json, PolicyProblem.JSON_SYNTAX, "/Statement", 2, 3);
    }

    @Test
    void unpairedSurrogateOutsideStringsIsRejected() {
        assertRejected(
                "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}\uD800",
                PolicyProblem.JSON_SYNTAX);
    }

    @Test
    void pairedSurrogatesAreText() {
        Policy policy =
                PolicyParser.parse(
                        "{\"Statement\": {\"Sid\": \"\uD83D\uDE00\\ud83d\\ude00\", "
                                + "\"Effect\": \"Allow\", \"Action\": \"*\"}}");

        assertThat(policy.statements().get(0).sid()).contains("\uD83D\uDE00\uD83D\uDE00");
    }

    @Test
    void randomCharactersNeverEscapeAsAnotherException() {
        Random random = new Random(20121017);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(200)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] =
                        (char)
                                (random.nextBoolean()
                                        ? random.nextInt(0x80)
                                        : random.nextInt(0x10000));
            }
            parseOrReject(new String(chars));
            parseOrReject("{\"Statement\": " + new String(chars));
        }
    }

    @Test
    void randomBytesNeverEscapeAsAnotherException() {
        Random random = new Random(20081017);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            parseOrReject(new String(bytes, StandardCharsets.ISO_8859_1));
            parseOrReject(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void mutatedPoliciesNeverEscapeAsAnotherException() throws IOException {
        String policy = seedPolicy();
        String alphabet = "{}[]\",: \n\\*01tfnAa\u0000\uD800";
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder mutant = new StringBuilder(policy);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(mutant.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> mutant.deleteCharAt(at);
                    case 1 -> mutant.insert(at, c);
                    default -> mutant.setCharAt(at, c);
                }
            }
            parseOrReject(mutant.toString());
        }
    }

    @Test
    void tenThousandNestedObjectsFailFastAtTheDepthLimit() {
        String json = "{\"a\":".repeat(10_000);

        PolicyParseException e = CpuBound.within(BOUND, () -> rejected(json));

        assertThat(e.problem()).isEqualTo(PolicyProblem.NESTING_TOO_DEEP);
        // the 65th object stands after 64 times {"a":, five chars each
        assertThat(e.location()).isEqualTo(new SourceLocation("/a".repeat(64), 1, 5 * 64 + 1));
        assertThat(e.detail()).isEqualTo("JSON is nested more than 64 levels deep");
    }

    @Test
    void tenThousandNestedArraysFailFastAtTheDepthLimit() {
        String open = "[".repeat(10_000);
        String balanced = open + "]".repeat(10_000);

        for (String json : new String[] {open, balanced}) {
            PolicyParseException e = CpuBound.within(BOUND, () -> rejected(json));
            assertThat(e.problem()).isEqualTo(PolicyProblem.NESTING_TOO_DEEP);
            assertThat(e.location()).isEqualTo(new SourceLocation("/0".repeat(64), 1, 65));
        }
    }

    @Test
    void deepNestingFromAReaderFailsFast() {
        Reader reader = new StringReader("{\"Statement\": " + "[".repeat(10_000));

        PolicyParseException e =
                CpuBound.within(
                        BOUND,
                        () ->
                                assertThrows(
                                        PolicyParseException.class,
                                        () -> PolicyParser.parse(reader, "deep.json")));

        assertThat(e.problem()).isEqualTo(PolicyProblem.NESTING_TOO_DEEP);
    }

    @Test
    void tenMegabyteDocumentFailsFastAsTooLarge() {
        String json = policyOfLength(TEN_MB);

        PolicyParseException e = CpuBound.within(BOUND, () -> rejected(json));

        assertThat(e.problem()).isEqualTo(PolicyProblem.DOCUMENT_TOO_LARGE);
        assertThat(e.location()).isEqualTo(new SourceLocation("", 1, 1));
    }

    @Test
    void tenMegabyteReaderIsReadOnlyUpToAboutTheLimit() {
        CountingReader reader = new CountingReader(policyOfLength(TEN_MB));

        PolicyParseException e =
                CpuBound.within(
                        BOUND,
                        () ->
                                assertThrows(
                                        PolicyParseException.class,
                                        () -> PolicyParser.parse(reader, "big.json")));

        assertThat(e.problem()).isEqualTo(PolicyProblem.DOCUMENT_TOO_LARGE);
        assertThat(reader.charsRead)
                .isLessThan(PolicyParser.DEFAULT_MAX_DOCUMENT_CHARS + 64 * 1024);
    }

    @Test
    void tenMegabyteStringFromAReaderIsTooLarge() {
        String json = "{\"Statement\": {\"Sid\": \"" + "x".repeat(TEN_MB) + "\"}}";

        PolicyParseException e =
                CpuBound.within(
                        BOUND,
                        () ->
                                assertThrows(
                                        PolicyParseException.class,
                                        () ->
                                                PolicyParser.parse(
                                                        new StringReader(json), "big.json")));

        assertThat(e.problem()).isEqualTo(PolicyProblem.DOCUMENT_TOO_LARGE);
    }

    @Test
    void documentJustUnderTheLimitParses() {
        String json = policyOfLength(PolicyParser.DEFAULT_MAX_DOCUMENT_CHARS);

        Policy policy = CpuBound.within(BOUND, () -> PolicyParser.parse(json));

        assertThat(policy.statements().get(0).action().patterns()).hasSizeGreaterThan(100_000);
    }

    @Test
    void failingReaderSurfacesAsUncheckedIoException() {
        Reader broken =
                new Reader() {
                    @Override
                    public int read(char[] buffer, int offset, int length) throws IOException {
                        throw new IOException("disk on fire");
                    }

                    @Override
                    public void close() {}
                };

        UncheckedIOException e =
                assertThrows(UncheckedIOException.class, () -> PolicyParser.parse(broken, "x"));

        assertThat(e.getCause()).hasMessage("disk on fire");
    }

    @Test
    void nullArgumentsAreRejectedWithNullPointerException() {
        assertThatNullPointerException()
                .isThrownBy(() -> PolicyParser.parse((String) null))
                .withMessage("json");
        assertThatNullPointerException()
                .isThrownBy(() -> PolicyParser.parse("{}", null))
                .withMessage("name");
        assertThatNullPointerException()
                .isThrownBy(() -> PolicyParser.parse((Reader) null, "x"))
                .withMessage("reader");
    }

    /** A policy of exactly {@code length} chars whose Action array holds the bulk. */
    private static String policyOfLength(int length) {
        String head = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": [\"a:B\"";
        String tail = "]}}";
        StringBuilder sb = new StringBuilder(length).append(head);
        while (sb.length() + tail.length() + 6 <= length) {
            sb.append(", \"a:B\"");
        }
        while (sb.length() + tail.length() < length) {
            sb.append(' ');
        }
        String json = sb.append(tail).toString();
        if (json.length() != length) {
            fail("built %d chars instead of %d", json.length(), length);
        }
        return json;
    }

    /** Serves a string and counts how much of it was asked for. */
    private static final class CountingReader extends Reader {
        private final String text;
        private int position;
        int charsRead;

        CountingReader(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position >= text.length()) {
                return -1;
            }
            int n = Math.min(length, text.length() - position);
            text.getChars(position, position + n, buffer, offset);
            position += n;
            charsRead += n;
            return n;
        }

        @Override
        public void close() {}
    }
}
