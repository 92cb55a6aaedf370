package dev.iamgate.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.policy.PrincipalElement;
import dev.iamgate.policy.PrincipalId;
import dev.iamgate.policy.PrincipalType;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.policy.TextValue;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a resource-based policy's {@code Principal} and {@code NotPrincipal} name a caller, as the
 * IAM User Guide describes them (AWS JSON policy elements: Principal, NotPrincipal).
 */
class PrincipalMatcherTest {

    private static final String ACCOUNT = "111122223333";
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String ROOT = "arn:aws:iam::111122223333:root";
    private static final String DEV_SESSION = "arn:aws:sts::111122223333:assumed-role/Dev/alice-session";
    private static final String BOB_FEDERATED = "arn:aws:sts::111122223333:federated-user/Bob";

    private static PrincipalId aws(String value) {
        return new PrincipalId(PrincipalType.AWS, TextValue.of(value));
    }

    private static PrincipalMatcher principal(PrincipalId... ids) {
        return PrincipalMatcher.of(Optional.of(new PrincipalElement(false, Arrays.asList(ids), SourceLocation.UNKNOWN)));
    }

    private static PrincipalMatcher notPrincipal(PrincipalId... ids) {
        return PrincipalMatcher.of(Optional.of(new PrincipalElement(true, Arrays.asList(ids), SourceLocation.UNKNOWN)));
    }

    @Test
    void aStatementWithoutPrincipalNamesNobody() {
        PrincipalMatcher absent = PrincipalMatcher.of(Optional.empty());
        assertThat(absent.match(ALICE)).isEqualTo(PrincipalMatch.NONE);
        assertThat(absent.isNegated()).isFalse();
    }

    @Nested
    class Principal {

        @Test
        void theWildcardAndTheAwsWildcardNameEveryoneDirectly() {
            assertThat(principal(new PrincipalId(PrincipalType.ANYONE, TextValue.of("*"))).match(ALICE))
                    .isEqualTo(PrincipalMatch.DIRECT);
            assertThat(principal(aws("*")).match(ALICE)).isEqualTo(PrincipalMatch.DIRECT);
            assertThat(principal(aws("*")).match("")).isEqualTo(PrincipalMatch.DIRECT);
        }

        @Test
        void theCallersOwnArnNamesItDirectly() {
            assertThat(principal(aws(ALICE)).match(ALICE)).isEqualTo(PrincipalMatch.DIRECT);
            assertThat(principal(aws(ALICE)).match("arn:aws:iam::111122223333:user/alicia")).isEqualTo(PrincipalMatch.NONE);
        }

        @Test
        void anAccountIdOrItsRootArnNamesEveryPrincipalOfTheAccountAsADelegation() {
            assertThat(principal(aws(ACCOUNT)).match(ALICE)).isEqualTo(PrincipalMatch.ACCOUNT);
            assertThat(principal(aws(ROOT)).match(ALICE)).isEqualTo(PrincipalMatch.ACCOUNT);
            assertThat(principal(aws(ACCOUNT)).match(DEV_SESSION)).isEqualTo(PrincipalMatch.ACCOUNT);
            assertThat(principal(aws(ACCOUNT)).match("arn:aws:iam::999999999999:user/alice")).isEqualTo(PrincipalMatch.NONE);
            assertThat(principal(aws(ROOT)).match("arn:aws:iam::999999999999:user/alice")).isEqualTo(PrincipalMatch.NONE);
        }

        @Test
        void theRootArnOfTheCallersOwnAccountNamesTheRootUserDirectly() {
            assertThat(principal(aws(ROOT)).match(ROOT)).isEqualTo(PrincipalMatch.DIRECT);
        }

        @Test
        void anAnonymousCallerBelongsToNoAccount() {
            assertThat(principal(aws(ACCOUNT)).match("")).isEqualTo(PrincipalMatch.NONE);
            assertThat(principal(aws("arn:aws:iam:::root")).match("")).isEqualTo(PrincipalMatch.NONE);
        }

        @ParameterizedTest(name = "{0} is not an account id")
        @CsvSource({"11112222333", "1111222233334", "11112222333x", "x11122223333"})
        void onlyTwelveDigitsAreAnAccountId(String value) {
            assertThat(principal(aws(value)).match(ALICE)).isEqualTo(PrincipalMatch.NONE);
            assertThat(notPrincipal(aws(value)).match(ROOT)).isEqualTo(PrincipalMatch.DIRECT);
        }

        @Test
        void aTwelveCharacterValueWithANonDigitNamesNoAccountEvenWhenTheCallersArnCarriesIt() {
            assertThat(principal(aws("11112222333x")).match("arn:aws:iam::11112222333x:user/alice"))
                    .isEqualTo(PrincipalMatch.NONE);
            assertThat(notPrincipal(aws("11112222333x")).match("11112222333x")).isEqualTo(PrincipalMatch.NONE);
        }

        @Test
        void anEmptyRoleNameNamesNoSession() {
            assertThat(principal(aws("arn:aws:iam::111122223333:role/"))
                    .match("arn:aws:sts::111122223333:assumed-role//s")).isEqualTo(PrincipalMatch.NONE);
        }

        @Test
        void aRoleArnNamesTheSessionsOfThatRole() {
            assertThat(principal(aws("arn:aws:iam::111122223333:role/Dev")).match(DEV_SESSION))
                    .isEqualTo(PrincipalMatch.SESSION_ROLE);
            // The role ARN's path is not part of the session ARN.
            assertThat(principal(aws("arn:aws:iam::111122223333:role/teams/Dev")).match(DEV_SESSION))
                    .isEqualTo(PrincipalMatch.SESSION_ROLE);
        }

        @Test
        void aRoleArnDoesNotNameSessionsOfAnotherRoleOrAccount() {
            assertThat(principal(aws("arn:aws:iam::111122223333:role/De")).match(DEV_SESSION))
                    .isEqualTo(PrincipalMatch.NONE);
            assertThat(principal(aws("arn:aws:iam::111122223333:role/Developer")).match(DEV_SESSION))
                    .isEqualTo(PrincipalMatch.NONE);
            assertThat(principal(aws("arn:aws:iam::999999999999:role/Dev")).match(DEV_SESSION))
                    .isEqualTo(PrincipalMatch.NONE);
            assertThat(principal(aws("arn:aws:iam::111122223333:user/Dev")).match(DEV_SESSION))
                    .isEqualTo(PrincipalMatch.NONE);
        }

        @Test
        void anAssumedRoleArnWithoutASessionNameIsNoSessionOfTheRole() {
            assertThat(principal(aws("arn:aws:iam::111122223333:role/Dev"))
                    .match("arn:aws:sts::111122223333:assumed-role/Dev")).isEqualTo(PrincipalMatch.NONE);
            assertThat(principal(aws("arn:aws:iam::111122223333:role/Dev"))
                    .match("arn:aws:sts::111122223333:assumed-role//Dev")).isEqualTo(PrincipalMatch.NONE);
        }

        @Test
        void aUserArnNamesTheFederatedSessionsThatUserCreated() {
            assertThat(principal(aws("arn:aws:iam::111122223333:user/Bob")).match(BOB_FEDERATED))
                    .isEqualTo(PrincipalMatch.SESSION_USER);
            assertThat(principal(aws("arn:aws:iam::111122223333:user/division/Bob")).match(BOB_FEDERATED))
                    .isEqualTo(PrincipalMatch.SESSION_USER);
        }

        @Test
        void aUserArnDoesNotNameFederatedSessionsOfAnotherUserOrAccount() {
            assertThat(principal(aws("arn:aws:iam::111122223333:user/Bo")).match(BOB_FEDERATED))
                    .isEqualTo(PrincipalMatch.NONE);
            assertThat(principal(aws("arn:aws:iam::999999999999:user/Bob")).match(BOB_FEDERATED))
                    .isEqualTo(PrincipalMatch.NONE);
            assertThat(principal(aws("arn:aws:iam::111122223333:role/Bob")).match(BOB_FEDERATED))
                    .isEqualTo(PrincipalMatch.NONE);
        }

        @Test
        void serviceFederatedAndCanonicalUserPrincipalsNameOnlyThemselves() {
            for (PrincipalType type : new PrincipalType[] {PrincipalType.SERVICE, PrincipalType.FEDERATED,
                    PrincipalType.CANONICAL_USER}) {
                PrincipalMatcher matcher = principal(new PrincipalId(type, TextValue.of("cloudtrail.amazonaws.com")));
                assertThat(matcher.match("cloudtrail.amazonaws.com")).as(type.name()).isEqualTo(PrincipalMatch.DIRECT);
                assertThat(matcher.match(ALICE)).as(type.name()).isEqualTo(PrincipalMatch.NONE);
            }
        }

        @Test
        void theStrongestOfSeveralPrincipalsCounts() {
            assertThat(principal(aws(ACCOUNT), aws(ALICE), aws("arn:aws:iam::111122223333:user/bob")).match(ALICE))
                    .isEqualTo(PrincipalMatch.DIRECT);
            assertThat(principal(aws("arn:aws:iam::111122223333:role/Dev"), aws(ACCOUNT)).match(DEV_SESSION))
                    .isEqualTo(PrincipalMatch.SESSION_ROLE);
        }
    }

    @Nested
    class NotPrincipal {

        @Test
        void namesEveryCallerItDoesNotList() {
            PrincipalMatcher exceptAlice = notPrincipal(aws(ALICE));
            assertThat(exceptAlice.isNegated()).isTrue();
            assertThat(exceptAlice.match(ALICE)).isEqualTo(PrincipalMatch.NONE);
            assertThat(exceptAlice.match("arn:aws:iam::111122223333:user/bob")).isEqualTo(PrincipalMatch.DIRECT);
        }

        @Test
        void anAccountIdExcludesOnlyTheAccountsRootUser() {
            PrincipalMatcher exceptAccount = notPrincipal(aws(ACCOUNT));
            assertThat(exceptAccount.match(ROOT)).isEqualTo(PrincipalMatch.NONE);
            assertThat(exceptAccount.match("arn:aws-cn:iam::111122223333:root")).isEqualTo(PrincipalMatch.NONE);
            assertThat(exceptAccount.match(ALICE)).isEqualTo(PrincipalMatch.DIRECT);
            assertThat(exceptAccount.match("arn:aws:iam::999999999999:root")).isEqualTo(PrincipalMatch.DIRECT);
        }

        @Test
        void aWildcardExcludesEveryone() {
            assertThat(notPrincipal(aws("*")).match(ALICE)).isEqualTo(PrincipalMatch.NONE);
            assertThat(notPrincipal(new PrincipalId(PrincipalType.ANYONE, TextValue.of("*"))).match(ALICE))
                    .isEqualTo(PrincipalMatch.NONE);
        }

        @Test
        void aServicePrincipalIsExcludedByItsName() {
            PrincipalMatcher exceptService = notPrincipal(
                    new PrincipalId(PrincipalType.SERVICE, TextValue.of("cloudtrail.amazonaws.com")));
            assertThat(exceptService.match("cloudtrail.amazonaws.com")).isEqualTo(PrincipalMatch.NONE);
            assertThat(exceptService.match(ALICE)).isEqualTo(PrincipalMatch.DIRECT);
        }

        @Test
        void anyListedEntryExcludes() {
            PrincipalMatcher exceptTwo = notPrincipal(aws("arn:aws:iam::111122223333:user/bob"), aws(ALICE));
            assertThat(exceptTwo.match(ALICE)).isEqualTo(PrincipalMatch.NONE);
            assertThat(exceptTwo.match("arn:aws:iam::111122223333:user/bob")).isEqualTo(PrincipalMatch.NONE);
            assertThat(exceptTwo.match("arn:aws:iam::111122223333:user/carol")).isEqualTo(PrincipalMatch.DIRECT);
        }
    }
}
