package dev.iamgate.servlet.internal.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.PolicyType;
import dev.iamgate.eval.StatementRef;
import dev.iamgate.policy.Effect;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.servlet.Denial;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Denials are answered as the AWS APIs answer them, safely escaped. */
class AwsErrorResponderTest {

    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final String BOB = "arn:aws:iam::123456789012:user/bob";

    @Test
    void anImplicitDenySaysNoIdentityBasedPolicyAllowsTheAction() {
        Denial denial = Denials.accessDenied(ALICE, "iam:CreateAccessKey", BOB, Decision.implicitDeny(PolicyType.IDENTITY));

        assertThat(AwsErrorResponder.json(denial)).isEqualTo("{\"Error\":{\"Code\":\"AccessDenied\",\"Message\":\"User: "
                + ALICE + " is not authorized to perform: iam:CreateAccessKey on resource: " + BOB
                + " because no identity-based policy allows the iam:CreateAccessKey action\"}}");
    }

    @Test
    void anExplicitDenySaysWhichKindOfPolicyDenied() {
        StatementRef deny = new StatementRef(PolicyType.IDENTITY, "seed", 0, 8, Optional.of("DenyAllExceptListedIfNoMFA"),
                Effect.DENY, SourceLocation.UNKNOWN);
        Denial denial = Denials.accessDenied(ALICE, "iam:CreateAccessKey", ALICE, Decision.decidedBy(deny));

        assertThat(denial.status()).isEqualTo(403);
        assertThat(denial.message()).endsWith("with an explicit deny in an identity-based policy");
    }

    @Test
    void requestDataIsEscapedInJsonAndHtml() {
        Denial denial = new Denial(400, "InvalidRequest", "path \"/a\\b\n</script><img src=x onerror=alert(1)>");

        assertThat(AwsErrorResponder.json(denial))
                .doesNotContain("</script>").doesNotContain("\n").contains("\\\"/a\\\\b\\n\\u003c/script\\u003e");
        assertThat(AwsErrorResponder.html(denial)).doesNotContain("<img").contains("&lt;img src=x");
    }

    @ParameterizedTest(name = "{0} -> html {1}")
    @CsvSource(delimiter = '|', value = {
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | true",
        "application/json                                                | false",
        "*/*                                                             | false",
        "''                                                              | false",
        "application/json, text/html                                     | false",
        "text/html;q=0.5, application/json;q=0.9                         | false",
        "application/json;q=0.5, text/html                               | true",
        "text/html;q=0                                                   | false",
    })
    void htmlOnlyForClientsThatPreferIt(String accept, boolean html) {
        assertThat(AwsErrorResponder.prefersHtml(accept)).isEqualTo(html);
    }
}
