package dev.iamgate.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.policy.PolicyParser;
import org.junit.jupiter.api.Test;

/** Policy variables as a whole policy sees them: substituted only under Version 2012-10-17. */
class PolicyVariablesTest {

    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";

    private static Outcome decide(String version, String resourcePattern, String resource, String... keys) {
        String versionMember = version == null ? "" : "\"Version\":\"" + version + "\",";
        PolicySet set = PolicySet.ofIdentityPolicies(PolicyParser.parse("{" + versionMember
                + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"" + resourcePattern + "\"}}"));
        RequestContext.Builder request = RequestContext.builder().principal(ALICE).action("s3:GetObject").resource(resource);
        for (int i = 0; i < keys.length; i += 2) {
            request.key(keys[i], keys[i + 1]);
        }
        return set.evaluate(request.build()).outcome();
    }

    @Test
    void usernameVariableScopesEachUserToItself() {
        String pattern = "arn:aws:s3:::bucket/${aws:username}/*";
        assertThat(decide("2012-10-17", pattern, "arn:aws:s3:::bucket/alice/a.txt", "aws:username", "alice"))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide("2012-10-17", pattern, "arn:aws:s3:::bucket/bob/a.txt", "aws:username", "alice"))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void variableNamesAreCaseInsensitive() {
        assertThat(decide("2012-10-17", "arn:aws:s3:::bucket/${AWS:UserName}/*", "arn:aws:s3:::bucket/alice/a.txt",
                "aws:username", "alice")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aMissingKeyMakesTheResourceMatchNothing() {
        assertThat(decide("2012-10-17", "arn:aws:s3:::bucket/${aws:username}/*", "arn:aws:s3:::bucket//a.txt"))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aDefaultStandsInForAMissingKey() {
        assertThat(decide("2012-10-17", "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'shared'}/*",
                "arn:aws:s3:::bucket/shared/a.txt")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void variablesAreLiteralTextUnderVersion2008AndWithoutVersion() {
        String pattern = "arn:aws:s3:::bucket/${aws:username}/*";
        for (String version : new String[] {"2008-10-17", null}) {
            assertThat(decide(version, pattern, "arn:aws:s3:::bucket/alice/a.txt", "aws:username", "alice"))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(version, pattern, "arn:aws:s3:::bucket/${aws:username}/a.txt", "aws:username", "alice"))
                    .isEqualTo(Outcome.ALLOW);
        }
    }

    @Test
    void escapesStandForLiteralCharacters() {
        assertThat(decide("2012-10-17", "arn:aws:s3:::bucket/${*}", "arn:aws:s3:::bucket/*")).isEqualTo(Outcome.ALLOW);
        assertThat(decide("2012-10-17", "arn:aws:s3:::bucket/${*}", "arn:aws:s3:::bucket/x")).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void substitutedTextIsNotAWildcard() {
        assertThat(decide("2012-10-17", "arn:aws:s3:::bucket/${aws:username}", "arn:aws:s3:::bucket/anything",
                "aws:username", "*")).isEqualTo(Outcome.IMPLICIT_DENY);
    }
}
