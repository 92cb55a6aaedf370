package dev.iamgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code iamgate simulate}: one request against policy files, explained. */
class SimulateCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run simulate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("simulate"));
        all.addAll(List.of(args));
        int exitCode = IamGateCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static String seedPolicy() {
        try {
            return Path.of(Objects.requireNonNull(SimulateCommandTest.class.getResource("/policies/mfa-self-manage-policy.json")).toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Run aliceCreatesHerAccessKey(String... extra) {
        List<String> args = new ArrayList<>(List.of("--policy", seedPolicy(),
                "--action", "iam:CreateAccessKey", "--resource", "arn:aws:iam::123456789012:user/alice",
                "--principal", "arn:aws:iam::123456789012:user/alice", "--context", "aws:username=alice", "--explain"));
        args.addAll(List.of(extra));
        return simulate(args.toArray(String[]::new));
    }

    @Test
    void aPolicyFileThatCannotBeReadIsNamedWithWhatIsWrong(@TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"Sid\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        Path absent = dir.resolve("absent.json");

        Run notUtf8 = simulate("--policy", latin1.toString(), "--action", "s3:GetObject", "--resource", "*");
        Run missing = simulate("--policy", absent.toString(), "--action", "s3:GetObject", "--resource", "*");

        assertThat(notUtf8.exitCode()).isEqualTo(2);
        assertThat(notUtf8.err()).startsWith(
                "iamgate simulate: cannot read " + latin1 + ": not UTF-8 text: byte 0xe9 at offset 11");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("iamgate simulate: cannot read " + absent + ": no such file or directory");
    }

    @Test
    void withoutMfaTheExplanationNamesTheDenyingStatementAndItsMfaCondition() {
        Run run = aliceCreatesHerAccessKey();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Decision: ExplicitDeny")
                .containsPattern("Reason: explicit deny in an identity-based policy: .*DenyAllExceptListedIfNoMFA")
                .contains("condition BoolIfExists aws:MultiFactorAuthPresent [\"false\"]: holds (request: absent)");
    }

    @Test
    void withMfaTheExplanationNamesTheAllowingStatement() {
        Run run = aliceCreatesHerAccessKey("--context", "aws:MultiFactorAuthPresent=true");

        assertThat(run.out()).contains("Decision: Allow")
                .containsPattern("Reason: allowed by an identity-based policy: .*AllowManageOwnAccessKeys")
                .contains("condition BoolIfExists aws:MultiFactorAuthPresent [\"false\"]: fails (request: \"true\")");
    }

    @Test
    void onAnotherUsersKeysTheExplanationShowsTheResourceMismatch() {
        Run run = simulate("--policy", seedPolicy(), "--action", "iam:CreateAccessKey",
                "--resource", "arn:aws:iam::123456789012:user/bob", "--context", "aws:username=alice",
                "--context", "aws:MultiFactorAuthPresent=true", "--explain");

        assertThat(run.out()).contains("Decision: ImplicitDeny")
                .contains("Reason: no identity-based policy allows the action")
                .contains("AllowManageOwnAccessKeys (line 23) [Allow] does not apply")
                .contains("resource: no entry matches the request's resource");
    }

    @Test
    void jsonFormatCarriesTheSameExplanation() throws Exception {
        Run run = aliceCreatesHerAccessKey("--format", "json");

        JsonNode answer = JsonMapper.builder().build().readTree(run.out());
        assertThat(answer.get("decision").asString()).isEqualTo("ExplicitDeny");
        assertThat(answer.get("decidingStatements").get(0).get("sid").asString()).isEqualTo("DenyAllExceptListedIfNoMFA");
        JsonNode condition = answer.get("matchedStatements").get(1).get("conditions").get(0);
        assertThat(condition.get("key").asString()).isEqualTo("aws:MultiFactorAuthPresent");
        assertThat(condition.get("satisfied").asBoolean()).isTrue();
    }

    @Test
    void withoutExplainOnlyTheDecisionIsPrinted() {
        Run run = simulate("--policy", seedPolicy(), "--action", "iam:GetUser",
                "--resource", "arn:aws:iam::123456789012:user/alice", "--context", "aws:username=alice");

        assertThat(run.out().strip()).isEqualTo("Allow");
    }

    @Test
    void aRepeatedContextKeyIsMultivalued() {
        Run run = simulate("--policy", writeTagPolicy(), "--action", "iam:TagUser", "--resource", "*",
                "--context", "aws:TagKeys=team", "--context", "aws:TagKeys=cost");

        assertThat(run.out().strip()).isEqualTo("Allow");
    }

    @Test
    void aPolicyThatDoesNotParseIsAnErrorWithExitCodeTwo() throws Exception {
        Path broken = java.nio.file.Files.createTempFile("broken", ".json");
        java.nio.file.Files.writeString(broken, "{\"Statement\":{\"Effect\":\"Allow\"}}");
        Run run = simulate("--policy", broken.toString(), "--action", "iam:GetUser", "--resource", "*");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(broken.toString()).contains("missing-action");
    }

    private static String writeTagPolicy() {
        try {
            Path file = java.nio.file.Files.createTempFile("tags", ".json");
            java.nio.file.Files.writeString(file, """
                    {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:TagUser","Resource":"*",
                     "Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team","cost"]},
                                  "ForAnyValue:StringEquals":{"aws:TagKeys":"cost"}}}}""");
            return file.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
