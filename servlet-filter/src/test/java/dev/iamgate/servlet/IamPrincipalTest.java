package dev.iamgate.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IamPrincipalTest {

    private static final String ARN = "arn:aws:iam::123456789012:user/alice";

    @Test
    void equalPrincipalsHaveEqualHashes() {
        IamPrincipal one = new IamPrincipal(ARN, "123456789012", Optional.of("alice"), "AIDAALICE", List.of("admins"),
                Map.of("team", "blue"));
        IamPrincipal same = new IamPrincipal(ARN, "123456789012", Optional.of("alice"), "AIDAALICE", List.of("admins"),
                Map.of("team", "blue"));

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
    }

    @Test
    void principalsWithTheSameArnButOtherGroupsOrTagsAreStillDifferent() {
        IamPrincipal plain = IamPrincipal.user("123456789012", "alice", "AIDAALICE");
        IamPrincipal admin = new IamPrincipal(ARN, "123456789012", Optional.of("alice"), "AIDAALICE", List.of("admins"),
                Map.of());
        IamPrincipal tagged = new IamPrincipal(ARN, "123456789012", Optional.of("alice"), "AIDAALICE", List.of(),
                Map.of("team", "blue"));

        assertThat(plain).isNotEqualTo(admin).isNotEqualTo(tagged);
        assertThat(admin).isNotEqualTo(tagged);
    }

    @Test
    void principalsThatDifferInAnyOneComponentAreDifferent() {
        IamPrincipal base = new IamPrincipal(ARN, "123456789012", Optional.of("alice"), "AIDAALICE", List.of("admins"),
                Map.of("team", "blue"));
        List<IamPrincipal> variants = List.of(
                new IamPrincipal(ARN + "2", "123456789012", Optional.of("alice"), "AIDAALICE", List.of("admins"),
                        Map.of("team", "blue")),
                new IamPrincipal(ARN, "210987654321", Optional.of("alice"), "AIDAALICE", List.of("admins"),
                        Map.of("team", "blue")),
                new IamPrincipal(ARN, "123456789012", Optional.empty(), "AIDAALICE", List.of("admins"),
                        Map.of("team", "blue")),
                new IamPrincipal(ARN, "123456789012", Optional.of("alice"), "AIDAOTHER", List.of("admins"),
                        Map.of("team", "blue")),
                new IamPrincipal(ARN, "123456789012", Optional.of("alice"), "AIDAALICE", List.of("admins", "ops"),
                        Map.of("team", "blue")),
                new IamPrincipal(ARN, "123456789012", Optional.of("alice"), "AIDAALICE", List.of("admins"),
                        Map.of("team", "red")));

        for (IamPrincipal variant : variants) {
            assertThat(variant).isNotEqualTo(base);
            assertThat(base).isNotEqualTo(variant);
        }
        assertThat(base).isEqualTo(base).isNotEqualTo(null).isNotEqualTo(ARN);
    }
}
