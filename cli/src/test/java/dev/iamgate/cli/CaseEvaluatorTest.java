package dev.iamgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A line answered from its bytes (Jackson over the batch's bytes, falling back to the string reader)
 * gets exactly the answer the string reader gives for its decoded text.
 */
class CaseEvaluatorTest {

    private static final Path CORPUS = Path.of("../core/src/test/resources/conformance/public.jsonl");
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:*\",\"Resource\":\"arn:aws:iam::*:user/${aws:username}\","
            + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}}";
    private static final String DENY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"NotAction\":\"iam:GetUser\",\"Resource\":\"*\"}]}";
    private static final String REQUEST = "{\"principal\":\"arn:aws:iam::123456789012:user/alice\","
            + "\"action\":\"iam:CreateAccessKey\",\"resource\":\"arn:aws:iam::123456789012:user/alice\","
            + "\"context\":{\"aws:username\":\"alice\",\"aws:MultiFactorAuthPresent\":\"true\"}}";

    /** Lines of every shape: common, unusual, wrong, and not JSON. */
    private static final List<String> SHAPES = List.of(
            "{\"id\":\"a\",\"policies\":{\"identity\":[" + POLICY + "]},\"request\":" + REQUEST + "}",
            "{\"request\":" + REQUEST + ",\"policies\":{\"identity\":[" + POLICY + "," + DENY + "]},\"id\":\"b\"}",
            "{\"id\":\"c\",\"policies\":{\"boundary\":[" + DENY + "],\"identity\":[" + POLICY + "],\"session\":[],"
                    + "\"resource\":[" + POLICY + "]},\"request\":" + REQUEST + "}",
            "{\"id\":\"d\",\"policies\":{\"scp\":[[" + POLICY + "],[" + DENY + "]],\"identity\":[" + POLICY + "]},\"request\":"
                    + REQUEST + "}",
            "{\"id\":\"e\",\"policies\":{\"identity\":[\"" + POLICY.replace("\"", "\\\"") + "\"]},\"request\":" + REQUEST + "}",
            " {\t\"id\" : \"f\" , \"policies\" : { \"identity\" : [ " + POLICY + " ] } , \"request\" : " + REQUEST + " } ",
            "{\"id\":\"g\",\"expected\":\"Allow\",\"notes\":[1,-2.5e3,true,null,{\"x\":\"\\u00e9\\n\"}],\"policies\":{\"identity\":["
                    + POLICY + "]},\"request\":" + REQUEST + "}",
            "{\"id\":\"h\",\"policies\":{\"identity\":[" + POLICY + "]},\"request\":{\"action\":\"iam:GetUser\",\"resource\":\"*\","
                    + "\"context\":{\"aws:TagKeys\":[\"a\",\"b\"],\"aws:username\":null,\"k\":[]},\"extra\":{\"a\":[1]}}}",
            "{\"id\":\"i\",\"policies\":{\"identity\":[" + POLICY + "]},\"request\":{\"action\":\"iam:GetUser\",\"resource\":\"*\","
                    + "\"context\":null}}",
            "{\"id\":\"dup\",\"id\":\"j\",\"policies\":{},\"policies\":{\"identity\":[" + POLICY + "]},\"request\":" + REQUEST
                    + ",\"request\":{\"action\":\"iam:GetUser\",\"resource\":\"*\",\"action\":\"iam:CreateAccessKey\"}}",
            "{\"id\":\"k\u00e9\",\"policies\":{\"identity\":[" + POLICY + "]},\"request\":" + REQUEST + "}",
            "{\"id\":\"l\\\"q\",\"policies\":{\"identity\":[" + POLICY + "]},\"request\":" + REQUEST + "}",
            "{\"id\":7,\"policies\":{\"identity\":[" + POLICY + "]},\"request\":" + REQUEST + "}",
            "{\"id\":\"m\",\"policies\":{\"identity\":[" + POLICY.replace("Allow", "allow") + "]},\"request\":" + REQUEST + "}",
            "{\"id\":\"n\",\"policies\":{\"identity\":[" + POLICY + "]},\"request\":" + REQUEST + "} trailing",
            "{\"id\":\"o\",\"policies\":{\"identity\":[" + POLICY + "]}}",
            "{\"id\":\"p\",\"policies\":{\"rcp\":[" + DENY + "],\"unknown\":[]},\"request\":" + REQUEST + "}",
            "{\"id\":\"q\",\"policies\":{\"identity\":[" + POLICY + "]},\"request\":{\"action\":\"iam:GetUser\"}}",
            "{\"id\":\"r\",\"policies\":{\"identity\":[" + POLICY + "]},\"request\":{\"action\":5,\"resource\":true}}",
            "{}",
            "[]",
            "not json",
            "   ",
            "{\"id\":\"s\",\"policies\":{\"identity\":[" + POLICY + "}]},\"request\":" + REQUEST + "}",
            "{\"id\":\"t\",\"policies\":{\"identity\":[" + POLICY + ",]},\"request\":" + REQUEST + "}");

    @Test
    void everyCorpusLineGetsTheAnswerOfTheGeneralReader() throws IOException {
        for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
            assertSameAnswer(line.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyShapeOfLineGetsTheAnswerOfTheGeneralReader() {
        for (String line : SHAPES) {
            assertSameAnswer(line.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void damagedLinesGetTheAnswerOfTheGeneralReader() throws IOException {
        List<String> seeds = new ArrayList<>(SHAPES);
        seeds.addAll(Files.readAllLines(CORPUS, StandardCharsets.UTF_8).subList(0, 40));
        byte[] alphabet = "{}[]\":,\\/ \tuenrtf0123456789.-+eE\u00e9a".getBytes(StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(6);
        for (int round = 0; round < 4_000; round++) {
            byte[] line = seeds.get(random.nextInt(seeds.size())).getBytes(StandardCharsets.UTF_8);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                line = damage(line, random, alphabet);
            }
            assertSameAnswer(line);
        }
    }

    /**
     * A policy is read from the line's bytes by Jackson, where the general reader decodes the line
     * with Java's decoder (malformed bytes replaced): every malformed sequence must end the same.
     */
    @Test
    void malformedUtf8InAPolicyGetsTheAnswerOfTheGeneralReader() {
        byte[][] malformed = {
            {(byte) 0xC0, (byte) 0x80}, // overlong NUL
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong '/'
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // five bytes
            {(byte) 0xC3}, // a lead byte alone
            {(byte) 0x80}, // a continuation byte alone
            {(byte) 0xE2, (byte) 0x82}, // cut short
            {(byte) 0xFF}
        };
        List<String> policies = List.of(
                POLICY.replace("\"Effect\"", "\"Sid\":\"@\",\"Effect\""), // in a value that is kept as written
                POLICY.replace("${aws:username}", "${aws:username}@"), // in a pattern that decides
                POLICY.replace(":\"true\"", ":\"true@\""), // in a condition value
                POLICY.replace("\"Bool\"", "\"Bool@\"")); // in a member name
        for (byte[] bytes : malformed) {
            for (String policy : policies) {
                assertSameAnswer(splice("{\"id\":\"u\",\"policies\":{\"identity\":[" + policy + "]},\"request\":"
                        + REQUEST + "}", bytes));
            }
        }
    }

    /**
     * Jackson guesses a byte source's encoding from its first four bytes (NULs and byte-order
     * marks make it UTF-16 or UTF-32), where the general reader decodes every line as UTF-8. A
     * line, or a policies object, that starts so must get the general reader's answer all the same.
     */
    @Test
    void bytesThatLookLikeAnotherEncodingGetTheAnswerOfTheGeneralReader() {
        String line = "{\"id\":\"v\",\"policies\":@,\"request\":" + REQUEST + "}";
        assertSameAnswer(splice(line, new byte[] {'{', 0, 0, 0, '}', 0, 0, 0})); // {} in UTF-32LE
        assertSameAnswer(splice(line, new byte[] {'{', 0, '}', 0})); // {} in UTF-16LE
        assertSameAnswer(splice(line, new byte[] {'{', '}', 0, 0}));
        String utf16 = "{\"id\":\"w\",\"policies\":{\"identity\":[" + POLICY + "]},\"request\":" + REQUEST + "}";
        byte[] le = utf16.getBytes(StandardCharsets.UTF_16LE);
        byte[] be = utf16.getBytes(StandardCharsets.UTF_16BE);
        assertSameAnswer(le);
        assertSameAnswer(be);
        assertSameAnswer(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, le));
        assertSameAnswer(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, be));
        assertSameAnswer(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf16.getBytes(StandardCharsets.UTF_8)));
        assertSameAnswer(utf16.getBytes(Charset.forName("UTF-32LE")));
        assertSameAnswer(utf16.getBytes(Charset.forName("UTF-32BE")));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** The line with {@code bytes} in place of each {@code @}. */
    private static byte[] splice(String line, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : line.getBytes(StandardCharsets.UTF_8)) {
            if (b == '@') {
                out.writeBytes(bytes);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    @Test
    void theBytesReaderFindsThePoliciesObjectWithinTheBatch() {
        byte[] line = SHAPES.get(5).getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[line.length + 10];
        System.arraycopy(line, 0, buffer, 7, line.length);

        CaseParts parts = CaseParts.read(buffer, 7, 7 + line.length);

        assertThat(new String(buffer, parts.policiesFrom, parts.policiesTo - parts.policiesFrom, StandardCharsets.UTF_8))
                .isEqualTo("{ \"identity\" : [ " + POLICY + " ] }");
        assertThat(parts.id).isEqualTo("f");
        assertThat(parts.request.keys()).containsOnlyKeys("aws:username", "aws:MultiFactorAuthPresent");
    }

    private static byte[] damage(byte[] line, SplittableRandom random, byte[] alphabet) {
        int at = random.nextInt(line.length + 1);
        byte b = random.nextInt(20) == 0 ? (byte) (0x80 + random.nextInt(0x80)) : alphabet[random.nextInt(alphabet.length)];
        List<Byte> bytes = new ArrayList<>(line.length + 1);
        for (byte x : line) {
            bytes.add(x);
        }
        switch (random.nextInt(3)) {
            case 0 -> bytes.add(at, b);
            case 1 -> {
                if (at < bytes.size()) {
                    bytes.remove(at);
                }
            }
            default -> {
                if (at < bytes.size()) {
                    bytes.set(at, b);
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    /** The line sits between others in the buffer, as in a batch: nothing may be read past its end. */
    private static void assertSameAnswer(byte[] line) {
        byte[] before = "{\"id\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] after = "\"}]}}\"\n{".getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[before.length + line.length + after.length];
        System.arraycopy(before, 0, buffer, 0, before.length);
        System.arraycopy(line, 0, buffer, before.length, line.length);
        System.arraycopy(after, 0, buffer, before.length + line.length, after.length);
        StringBuilder fromBytes = new StringBuilder();
        new CaseEvaluator().answer(buffer, before.length, before.length + line.length, fromBytes);
        String text = new String(line, StandardCharsets.UTF_8);
        StringBuilder general = new StringBuilder();
        if (!text.isBlank()) {
            new CaseEvaluator().answer(text, general);
            general.append('\n');
        }
        assertThat(fromBytes.toString()).as(text).isEqualTo(general.toString());
    }
}
