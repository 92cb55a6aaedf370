package dev.iamgate.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.RequestContext.KeyName;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestContextTest {

    private static RequestContext.Builder request() {
        return RequestContext.builder().principal("arn:aws:iam::123456789012:user/alice").action("iam:GetUser").resource("*");
    }

    @Test
    void keyNamesCompareCaseInsensitively() {
        RequestContext context = request().key("aws:PrincipalArn", "arn:aws:iam::123456789012:user/alice").build();

        assertThat(context.values("AWS:principalarn")).containsExactly("arn:aws:iam::123456789012:user/alice");
        assertThat(context.requestKeys().single("aws:principalarn")).isEqualTo("arn:aws:iam::123456789012:user/alice");
    }

    @Test
    void aKeyNameWithItsLowerCaseKnownIsTheSameKeyAsItsText() {
        KeyName mfa = KeyName.of("aws:MultiFactorAuthPresent");
        RequestContext context = request().key("aws:multifactorauthpresent", "false").key(mfa, "true").build();

        assertThat(context.values("aws:MultiFactorAuthPresent")).containsExactly("true");
        assertThat(context.keys()).containsOnlyKeys("aws:MultiFactorAuthPresent");
        assertThat(mfa.name()).isEqualTo("aws:MultiFactorAuthPresent");
    }

    @Test
    void settingAKeyAgainReplacesItsValueAndNameAndMovesItLast() {
        RequestContext context = request().key("aws:username", "alice").key("aws:SourceIp", "203.0.113.7")
                .key("AWS:UserName", "bob").build();

        assertThat(context.keys()).containsExactly(
                java.util.Map.entry("aws:SourceIp", List.of("203.0.113.7")), java.util.Map.entry("AWS:UserName", List.of("bob")));
    }

    @Test
    void anEmptyListMakesTheKeyAbsent() {
        RequestContext context = request().key("aws:TagKeys", List.of("a", "b")).key("aws:tagkeys", List.of()).build();

        assertThat(context.values("aws:TagKeys")).isEmpty();
        assertThat(context.keys()).isEmpty();
    }

    @Test
    void addValueMakesAKeyMultivalued() {
        RequestContext context = request().key("aws:TagKeys", "a").addValue("AWS:TagKeys", "b").build();

        assertThat(context.values("aws:tagkeys")).containsExactly("a", "b");
    }

    @Test
    void aBuilderChangedAfterBuildingLeavesTheBuiltContextAsItWas() {
        RequestContext.Builder builder = request().key("aws:username", "alice");
        RequestContext first = builder.build();
        RequestContext second = builder.key("aws:username", "bob").key("aws:SourceIp", "203.0.113.7").build();

        assertThat(first.values("aws:username")).containsExactly("alice");
        assertThat(first.keys()).containsOnlyKeys("aws:username");
        assertThat(second.values("aws:username")).containsExactly("bob");
        assertThat(second.keys()).containsOnlyKeys("aws:username", "aws:SourceIp");
    }

    @Test
    void toBuilderStartsFromTheSameKeys() {
        RequestContext original = request().key("aws:username", "alice").build();
        RequestContext varied = original.toBuilder().action("iam:ListAccessKeys").build();

        assertThat(varied.keys()).isEqualTo(original.keys());
        assertThat(varied.action()).isEqualTo("iam:ListAccessKeys");
        assertThat(original.action()).isEqualTo("iam:GetUser");
    }
}
