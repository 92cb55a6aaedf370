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
}
