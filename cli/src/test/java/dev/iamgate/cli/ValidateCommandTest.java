package dev.iamgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code iamgate validate}: compiler-style diagnostics, JSON output, exit codes 0/1/2. */
class ValidateCommandTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Path BROKEN = Path.of("src/test/resources/broken-policies");
    private static final Path SEED = Path.of("../core/src/test/resources/policies/mfa-self-manage-policy.json");

    @TempDir
    Path dir;

    private record Run(int exitCode, List<String> lines, String out, String err) {}

    private static Run validate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] command = new String[args.length + 1];
        command[0] = "validate";
        System.arraycopy(args, 0, command, 1, args.length);
        int exitCode = IamGateCommand.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(command);
        return new Run(exitCode, out.toString().lines().toList(), out.toString(), err.toString());
    }

    /** {@code file:line:col: severity check}, the part of a diagnostic before its message. */
    private static String where(String line) {
        int check = line.indexOf(": ", line.indexOf(": ") + 2);
        return line.substring(0, check);
    }

    private static String broken(String file) {
        return BROKEN.resolve(file).toString();
    }

    @Test
    void aDirectoryOfBrokenPoliciesReportsEveryFindingAtItsPositionAndExitsOne() {
        Run run = validate(BROKEN.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).extracting(ValidateCommandTest::where).containsExactly(
                broken("01-lowercase-effect.json") + ":6:23: error invalid-effect",
                broken("02-missing-comma.json") + ":7:13: error json-syntax",
                broken("03-actions-typo.json") + ":5:9: error unknown-element",
                broken("04-operator-typo.json") + ":8:13: error unknown-operator",
                broken("05-mfa-deny-misses-access-keys.json") + ":16:26: security-warning deny-bool-mfa-false",
                broken("06-pass-any-role.json") + ":10:17: suggestion redundant-action",
                broken("06-pass-any-role.json") + ":12:25: security-warning pass-role-with-star-in-resource",
                broken("07-bucket-policy-as-identity.json") + ":7:26: error unsupported-principal",
                broken("08-old-version-with-variables.json") + ":2:16: error unsupported-version",
                broken("08-old-version-with-variables.json") + ":8:25: error variable-unsupported-in-version",
                broken("09-condition-values.json") + ":9:59: warning type-mismatch-number",
                broken("09-condition-values.json") + ":10:43: suggestion improve-ip-range",
                broken("09-condition-values.json") + ":11:49: warning invalid-date-value",
                broken("10-duplicate-sid.json") + ":11:20: error unique-sids-required",
                broken("11-never-applies.json") + ":9:30: warning unreachable-statement",
                broken("12-tag-keys-without-qualifier.json") + ":9:17: error missing-qualifier");
        assertThat(run.lines().get(3)).endsWith("Did you mean StringNotEquals?");
        assertThat(run.err().strip()).isEqualTo(
                "iamgate validate: 12 files: 9 errors, 2 security warnings, 3 warnings, 2 suggestions");
    }

    @Test
    void theSeedPolicyIsCleanAndExitsZero() {
        Run run = validate(SEED.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("1 file: 0 errors, 0 security warnings, 0 warnings, 0 suggestions");
    }

    @Test
    void warningsAloneExitZero() {
        Run run = validate(broken("05-mfa-deny-misses-access-keys.json"), broken("09-condition-values.json"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(4);
    }

    @Test
    void theKindDecidesWhichElementsAreRequired() {
        Run asBucketPolicy = validate("--kind", "resource", broken("07-bucket-policy-as-identity.json"));
        assertThat(asBucketPolicy.exitCode()).isZero();
        assertThat(asBucketPolicy.out()).isEmpty();

        Run seedAsResourcePolicy = validate("--kind", "resource", SEED.toString());
        assertThat(seedAsResourcePolicy.exitCode()).isEqualTo(1);
        assertThat(seedAsResourcePolicy.lines()).hasSize(9).allMatch(l -> l.contains(" error missing-principal: "));
    }

    @Test
    void inlineUserPoliciesHaveTheSmallestSizeLimit() throws IOException {
        // 100 distinct actions: about 2,600 characters, between the user (2,048) and group (5,120) limits
        String actions = IntStream.range(0, 100).mapToObj(i -> "\"s3:GetObjectVersion" + i + "\"")
                .collect(Collectors.joining(","));
        Path big = Files.writeString(dir.resolve("big.json"), "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":[" + actions + "],\"Resource\":\"*\"}}");

        assertThat(validate("--inline", "group", big.toString()).lines()).isEmpty();
        assertThat(validate("--inline", "user", big.toString()).lines())
                .anyMatch(l -> l.startsWith(big + ":1:1: error policy-size-exceeded: "));
    }

    @Test
    void jsonOutputIsOneDocumentWithEveryFileAndFinding() {
        Run run = validate("--format", "json", BROKEN.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode files = JSON.readTree(run.out()).get("files");
        assertThat(files).hasSize(12);
        assertThat(files.get(0).get("file").asString()).isEqualTo(broken("01-lowercase-effect.json"));
        JsonNode finding = files.get(0).get("findings").get(0);
        assertThat(finding.get("severity").asString()).isEqualTo("error");
        assertThat(finding.get("check").asString()).isEqualTo("invalid-effect");
        assertThat(finding.get("message").asString()).contains("\"allow\"");
        assertThat(finding.get("pointer").asString()).isEqualTo("/Statement/0/Effect");
        assertThat(finding.get("line").asInt()).isEqualTo(6);
        assertThat(finding.get("column").asInt()).isEqualTo(23);
        assertThat(files.get(5).get("findings")).hasSize(2);
    }

    @Test
    void jsonOutputOfACleanFileHasAnEmptyFindingList() {
        Run run = validate("--format", "json", SEED.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"files\":[{\"file\":" + JSON.writeValueAsString(SEED.toString())
                + ",\"findings\":[]}]}");
    }

    @Test
    void aMissingFileIsAnIoErrorAndNothingIsValidated() {
        Run run = validate(SEED.toString(), dir.resolve("absent.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("absent.json").contains("no such file");
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithTheOffsetOfItsFirstWrongByte() throws IOException {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"Sid\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

        Run run = validate(latin1.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("iamgate validate: " + latin1 + ": not UTF-8 text: byte 0xe9 at offset 11");
    }

    /** As the filter reads its policy files: some editors start a UTF-8 file with a byte-order mark. */
    @Test
    void aByteOrderMarkBeforeThePolicyIsNotPartOfIt() throws IOException {
        Path withMark = dir.resolve("bom.json");
        byte[] policy = Files.readAllBytes(SEED);
        byte[] marked = new byte[policy.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(policy, 0, marked, 3, policy.length);
        Files.write(withMark, marked);

        assertThat(validate(withMark.toString()).exitCode()).isZero();
    }

    @Test
    void aDirectoryWithoutPoliciesIsAnIoError() {
        Run run = validate(dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no *.json files");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(validate().exitCode()).isEqualTo(2);
        assertThat(validate("--format", "xml", SEED.toString()).exitCode()).isEqualTo(2);
        Run kind = validate("--kind", "bucket", SEED.toString());
        assertThat(kind.exitCode()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown policy kind 'bucket'");
        Run inline = validate("--kind", "scp", "--inline", "user", SEED.toString());
        assertThat(inline.exitCode()).isEqualTo(2);
        assertThat(inline.err()).contains("--inline applies to identity policies only, not --kind scp");
    }
}
