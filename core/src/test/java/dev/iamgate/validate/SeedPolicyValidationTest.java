package dev.iamgate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The seed policy (AWS's "manage your own credentials, with MFA") is clean: exactly the findings
 * {@code docs/validation-checks.md} lists for it, which is none.
 */
class SeedPolicyValidationTest {

    private static final Path SEED = Path.of("src/test/resources/policies/mfa-self-manage-policy.json");

    private static String seed() throws IOException {
        return Files.readString(SEED, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Attachment.class)
    void givesNoFindingsAsAnIdentityPolicyHoweverAttached(Attachment attachment) throws IOException {
        ValidationReport report = PolicyValidator.validate(seed(), ValidationOptions.identity(attachment));

        assertThat(report.findings()).isEmpty();
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.policy()).isPresent();
    }

    @Test
    void asAResourcePolicyEveryStatementLacksAPrincipal() throws IOException {
        ValidationReport report = PolicyValidator.validate(seed(), ValidationOptions.of(PolicyKind.RESOURCE));

        assertThat(report.findings()).extracting(Finding::check).containsOnly("missing-principal").hasSize(9);
        assertThat(report.findings().get(0).location().lineColumn()).isEqualTo("4:9");
    }
}
