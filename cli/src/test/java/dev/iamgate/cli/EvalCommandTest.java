package dev.iamgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code iamgate eval}: the JSON Lines contract of architecture.md. */
class EvalCommandTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Path CORPUS = Path.of("../core/src/test/resources/conformance/public.jsonl");
    private static final String ALLOW_ALL = "{\"identity\":[{\"Version\":\"2012-10-17\",\"Statement\":"
            + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}]}";
    private static final String REQUEST = "{\"principal\":\"arn:aws:iam::123456789012:user/alice\","
            + "\"action\":\"iam:GetUser\",\"resource\":\"*\"}";

    @TempDir
    Path dir;

    private record Run(int exitCode, List<String> lines, String err) {}

    private Run eval(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = IamGateCommand.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        List<String> lines = out.toString().lines().toList();
        return new Run(exitCode, lines, err.toString());
    }

    private Path cases(String... lines) throws IOException {
        Path file = dir.resolve("cases.jsonl");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void everyCorpusCaseIsAnsweredInInputOrderWithTheExpectedDecision() throws IOException {
        List<String> input = Files.readAllLines(CORPUS, StandardCharsets.UTF_8);

        Run run = eval("eval", "--cases", CORPUS.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSameSizeAs(input);
        for (int i = 0; i < input.size(); i++) {
            JsonNode testCase = JSON.readTree(input.get(i));
            JsonNode answer = JSON.readTree(run.lines().get(i));
            assertThat(answer.get("id").asString()).isEqualTo(testCase.get("id").asString());
            assertThat(answer.path("decision").asString()).as(input.get(i)).isEqualTo(testCase.get("expected").asString());
        }
    }

    @Test
    void aCaseWhosePoliciesDoNotParseGetsAnErrorNamingThePolicy() throws IOException {
        String broken = "{\"identity\":[{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}}]}";
        Run run = eval("eval", "--cases", cases(
                "{\"id\":\"bad\",\"policies\":" + broken + ",\"request\":" + REQUEST + "}",
                "{\"id\":\"good\",\"policies\":" + ALLOW_ALL + ",\"request\":" + REQUEST + "}").toString());

        assertThat(run.exitCode()).isZero();
        JsonNode bad = JSON.readTree(run.lines().get(0));
        assertThat(bad.get("id").asString()).isEqualTo("bad");
        assertThat(bad.has("decision")).isFalse();
        assertThat(bad.get("error").asString()).contains("identity[0]").contains("Effect");
        assertThat(run.lines().get(1)).isEqualTo("{\"id\":\"good\",\"decision\":\"Allow\"}");
    }

    @Test
    void aLineThatIsNotACaseGetsAnErrorAndTheNextLinesAreStillAnswered() throws IOException {
        Run run = eval("eval", "--cases", cases(
                "not json",
                "{\"id\":\"no-request\",\"policies\":" + ALLOW_ALL + "}",
                "{\"id\":\"ok\",\"policies\":" + ALLOW_ALL + ",\"request\":" + REQUEST + "}").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(3);
        assertThat(JSON.readTree(run.lines().get(0)).has("error")).isTrue();
        assertThat(JSON.readTree(run.lines().get(1)).get("error").asString()).contains("request");
        assertThat(run.lines().get(2)).isEqualTo("{\"id\":\"ok\",\"decision\":\"Allow\"}");
    }

    @Test
    void jsonNestedBeyondTheReadersLimitIsAnErrorInTheCasesTermsNotTheLibrarys() throws IOException {
        String deep = "[".repeat(600) + "]".repeat(600);
        Run run = eval("eval", "--cases", cases(
                "{\"id\":\"deep\",\"policies\":{\"identity\":[" + deep + "]},\"request\":" + REQUEST + "}").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.lines().get(0)).get("id").asString()).isEqualTo("deep");
        assertThat(JSON.readTree(run.lines().get(0)).get("error").asString())
                .isEqualTo("the line is not a valid case: Document nesting depth (501) exceeds the maximum allowed (500)");
    }

    @Test
    void aLineThatGoesOnAfterItsCaseObjectIsAnErrorNotAnAnswerToItsFirstCase() throws IOException {
        String ok = "{\"id\":\"ok\",\"policies\":" + ALLOW_ALL + ",\"request\":" + REQUEST + "}";
        Run run = eval("eval", "--cases", cases(
                ok.replace("\"ok\"", "\"two\"") + " " + ok,
                ok.replace("\"ok\"", "\"word\"") + " x",
                ok.replace("\"ok\"", "\"bracket\"") + "]",
                ok.replace("\"ok\"", "\"spaces\"") + " \t ",
                ok).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(5);
        assertThat(JSON.readTree(run.lines().get(0)).get("error").asString())
                .isEqualTo("the line goes on after the case object (one case per line)");
        assertThat(JSON.readTree(run.lines().get(0)).get("id").asString()).isEqualTo("two");
        assertThat(JSON.readTree(run.lines().get(1)).has("error")).isTrue();
        assertThat(JSON.readTree(run.lines().get(2)).has("error")).isTrue();
        assertThat(run.lines().get(3)).isEqualTo("{\"id\":\"spaces\",\"decision\":\"Allow\"}");
        assertThat(run.lines().get(4)).isEqualTo("{\"id\":\"ok\",\"decision\":\"Allow\"}");
    }

    @Test
    void multivaluedContextKeysAreArrays() throws IOException {
        String forAny = "{\"identity\":[{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\",\"Condition\":{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":\"b\"}}}}]}";
        String request = "{\"principal\":\"arn:aws:iam::123456789012:user/alice\",\"action\":\"iam:TagUser\","
                + "\"resource\":\"*\",\"context\":{\"aws:TagKeys\":[\"a\",\"b\"]}}";
        Run run = eval("eval", "--cases", cases("{\"id\":\"m\",\"policies\":" + forAny + ",\"request\":" + request + "}").toString());

        assertThat(run.lines()).containsExactly("{\"id\":\"m\",\"decision\":\"Allow\"}");
    }

    @Test
    void aLineLongerThanTheLimitGetsAnErrorAndTheNextLinesAreStillAnswered() throws IOException {
        String ok = "{\"id\":\"ok\",\"policies\":" + ALLOW_ALL + ",\"request\":" + REQUEST + "}\n";
        Path file = dir.resolve("long.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ok.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < EvalCommand.MAX_LINE_BYTES / chunk.length; i++) {
                out.write(chunk);
            }
            out.write(ok.getBytes(StandardCharsets.UTF_8)); // one case, after 64 MiB of spaces: one byte too many
            out.write(ok.getBytes(StandardCharsets.UTF_8));
        }

        Run run = eval("eval", "--cases", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly(
                "{\"id\":\"ok\",\"decision\":\"Allow\"}",
                "{\"id\":null,\"error\":\"the line is longer than the limit of 67108864 bytes; it was not read\"}",
                "{\"id\":\"ok\",\"decision\":\"Allow\"}");
    }

    /** What a shell's {@code <(zcat cases.jsonl.gz)} and {@code /dev/stdin} name: a file that cannot seek. */
    @Test
    void casesAreReadFromANamedPipe() throws Exception {
        Path fifo = dir.resolve("cases.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        String line = "{\"id\":\"p\",\"policies\":" + ALLOW_ALL + ",\"request\":" + REQUEST + "}\n";
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, line.repeat(3));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.start();

        Run run = eval("eval", "--cases", fifo.toString());
        writer.join(10_000);

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly(
                "{\"id\":\"p\",\"decision\":\"Allow\"}", "{\"id\":\"p\",\"decision\":\"Allow\"}",
                "{\"id\":\"p\",\"decision\":\"Allow\"}");
    }

    @Test
    void aDashReadsStandardInput() {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream(("{\"id\":\"s\",\"policies\":" + ALLOW_ALL + ",\"request\":" + REQUEST + "}\n")
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(eval("eval", "--cases", "-").lines()).containsExactly("{\"id\":\"s\",\"decision\":\"Allow\"}");
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void aMissingFileIsAnIoErrorWithExitCodeTwo() {
        Run run = eval("eval", "--cases", dir.resolve("absent.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("absent.jsonl");
    }

    @Test
    void aMissingOptionIsAUsageErrorWithExitCodeTwo() {
        assertThat(eval("eval").exitCode()).isEqualTo(2);
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreTolerated() throws IOException {
        Path file = dir.resolve("bom.jsonl");
        String line = "{\"id\":\"b\",\"policies\":" + ALLOW_ALL + ",\"request\":" + REQUEST + "}";
        Files.writeString(file, "\uFEFF" + line + "\r\n" + line.replace("\"b\"", "\"c\"") + "\r\n", StandardCharsets.UTF_8);

        assertThat(eval("eval", "--cases", file.toString()).lines())
                .containsExactly("{\"id\":\"b\",\"decision\":\"Allow\"}", "{\"id\":\"c\",\"decision\":\"Allow\"}");
    }

    @Test
    void aPolicyMayAlsoBeGivenAsAJsonString() throws IOException {
        String asString = "{\"identity\":[\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":"
                + "{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"*\\\",\\\"Resource\\\":\\\"*\\\"}}\"]}";
        Run run = eval("eval", "--cases", cases("{\"id\":\"s\",\"policies\":" + asString + ",\"request\":" + REQUEST + "}").toString());

        assertThat(run.lines()).containsExactly("{\"id\":\"s\",\"decision\":\"Allow\"}");
    }

    @Test
    void answersToManyBatchesAnsweredInParallelComeInInputOrder() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder expected = new StringBuilder();
        CaseEvaluator reference = new CaseEvaluator();
        for (int i = 0; i < 3_000; i++) {
            String action = i % 3 == 0 ? "iam:GetUser" : "s3:GetObject";
            String policy = "{\"identity\":[{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"S" + i + "\","
                    + "\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}}]}";
            String line = "{\"id\":\"n" + i + "\",\"policies\":" + (i % 2 == 0 ? ALLOW_ALL : policy) + ",\"request\":" + REQUEST + "}";
            lines.add(line);
            reference.answer(line, expected);
            expected.append('\n');
        }

        Run run = eval("eval", "--cases", cases(lines.toArray(String[]::new)).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).isEqualTo(expected.toString().lines().toList());
    }

    @Test
    void answersAreWrittenAsSoonAsNoMoreInputIsWaiting() throws Exception {
        java.io.PipedOutputStream feed = new java.io.PipedOutputStream();
        java.io.PipedInputStream pipe = new java.io.PipedInputStream(feed, 1 << 16);
        StringBuffer written = new StringBuffer();
        java.io.Writer sink = new java.io.Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                written.append(chars, off, len);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        InputStream original = System.in;
        System.setIn(pipe);
        try {
            Thread command = new Thread(() -> IamGateCommand.commandLine()
                    .setOut(new PrintWriter(new java.io.BufferedWriter(sink, 1 << 16))).execute("eval", "--cases", "-"));
            command.start();
            feed.write(("{\"id\":\"first\",\"policies\":" + ALLOW_ALL + ",\"request\":" + REQUEST + "}\n")
                    .getBytes(StandardCharsets.UTF_8));
            feed.flush();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (written.length() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(written.toString()).isEqualTo("{\"id\":\"first\",\"decision\":\"Allow\"}\n");
            feed.close();
            command.join(20_000);
            assertThat(command.isAlive()).isFalse();
        } finally {
            System.setIn(original);
        }
    }
}
