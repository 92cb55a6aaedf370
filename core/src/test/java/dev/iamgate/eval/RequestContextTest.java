package dev.iamgate.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.entry;

import dev.iamgate.eval.RequestContext.ActionName;
import dev.iamgate.eval.RequestContext.KeyName;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request as IAM sees it: condition key names compare case-insensitively, a key is single- or
 * multivalued, and a key with no value is absent (IAM User Guide, condition keys and multivalued
 * context keys).
 */
class RequestContextTest {

    private static RequestContext.Builder getObject() {
        return RequestContext.builder().principal("arn:aws:iam::111122223333:user/alice").action("S3:GetObject")
                .resource("arn:aws:s3:::bucket/key");
    }

    @Test
    void conditionKeyNamesCompareCaseInsensitively() {
        RequestContext request = getObject().key("aws:SourceIp", "203.0.113.7").build();
        assertThat(request.values("AWS:SOURCEIP")).containsExactly("203.0.113.7");
        assertThat(request.values("aws:sourceip")).containsExactly("203.0.113.7");
        assertThat(request.requestKeys().values("aws:sourceip")).containsExactly("203.0.113.7");
        assertThat(request.requestKeys().single("aws:sourceip")).isEqualTo("203.0.113.7");
    }

    @Test
    void anAbsentKeyHasNoValues() {
        RequestContext request = getObject().build();
        assertThat(request.values("aws:SourceIp")).isEmpty();
        assertThat(request.requestKeys().values("aws:sourceip")).isEmpty();
        assertThat(request.requestKeys().single("aws:sourceip")).isNull();
    }

    @Test
    void aKeyWithAnEmptyListIsAbsent() {
        RequestContext request = getObject().key("aws:TagKeys", List.of("a")).key("AWS:TagKeys", List.of()).build();
        assertThat(request.values("aws:TagKeys")).isEmpty();
        assertThat(request.keys()).isEmpty();
    }

    @Test
    void settingAKeyAgainReplacesItUnderItsNewSpelling() {
        RequestContext request = getObject().key("aws:username", "alice").key("AWS:UserName", "bob").build();
        assertThat(request.keys()).containsExactly(entry("AWS:UserName", List.of("bob")));
    }

    @Test
    void addingValuesMakesAKeyMultivalued() {
        RequestContext request = getObject().addValue("aws:TagKeys", "team").addValue("AWS:TAGKEYS", "cost").build();
        assertThat(request.values("aws:tagkeys")).containsExactly("team", "cost");
        assertThat(request.requestKeys().single("aws:tagkeys")).isNull();
    }

    @Test
    void keysKeepTheirSpellingAndInsertionOrder() {
        RequestContext request = getObject().key("s3:prefix", "home/").key("aws:SourceVpc", "vpc-1")
                .key("aws:MultiFactorAuthPresent", "true").build();
        assertThat(request.keys()).containsExactly(entry("s3:prefix", List.of("home/")),
                entry("aws:SourceVpc", List.of("vpc-1")), entry("aws:MultiFactorAuthPresent", List.of("true")));
    }

    @Test
    void theServiceIsTheLowerCasedPrefixOfTheAction() {
        RequestContext request = getObject().build();
        assertThat(request.action()).isEqualTo("S3:GetObject");
        assertThat(request.lowerAction()).isEqualTo("s3:getobject");
        assertThat(request.lowerService()).isEqualTo("s3");
        RequestContext noColon = getObject().action("Everything").build();
        assertThat(noColon.lowerService()).isEqualTo("everything");
    }

    @Test
    void anAnonymousCallerHasAnEmptyPrincipal() {
        RequestContext request = RequestContext.builder().action("s3:GetObject").resource("*").build();
        assertThat(request.principal()).isEmpty();
        assertThat(request.resource()).isEqualTo("*");
    }

    @Test
    void toBuilderCopiesEveryPartSoOneCanBeVaried() {
        RequestContext original = getObject().key("aws:TagKeys", List.of("a", "b")).key("aws:username", "alice").build();
        RequestContext copy = original.toBuilder().build();
        assertThat(copy.principal()).isEqualTo(original.principal());
        assertThat(copy.action()).isEqualTo(original.action());
        assertThat(copy.resource()).isEqualTo(original.resource());
        assertThat(copy.keys()).isEqualTo(original.keys());
        assertThat(copy.toString()).isEqualTo(original.toString());

        RequestContext varied = original.toBuilder().resource("arn:aws:s3:::bucket/other").build();
        assertThat(varied.resource()).isEqualTo("arn:aws:s3:::bucket/other");
        assertThat(original.resource()).isEqualTo("arn:aws:s3:::bucket/key");
    }

    @Test
    void toStringNamesEveryPart() {
        RequestContext request = getObject().key("aws:username", "alice").build();
        assertThat(request.toString()).isEqualTo("RequestContext[principal=arn:aws:iam::111122223333:user/alice, "
                + "action=S3:GetObject, resource=arn:aws:s3:::bucket/key, keys={aws:username=[alice]}]");
    }

    @Test
    void actionAndResourceAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> RequestContext.builder().resource("*").build())
                .withMessage("action");
        assertThatNullPointerException().isThrownBy(() -> RequestContext.builder().action("s3:GetObject").build())
                .withMessage("resource");
        assertThatNullPointerException().isThrownBy(() -> RequestContext.builder().key("k", (String) null))
                .withMessage("value");
    }

    // The builder's one key map, handed over at build time (the filter's per-request path).

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

    @Test
    void manyKeysAreFoundPastTheScanLimitAndKeepTheirOrder() {
        RequestContext.Builder builder = request();
        int count = RequestContext.Keys.SCAN_LIMIT * 3;
        for (int i = 0; i < count; i++) {
            builder.key("App:Key" + i, "v" + i);
        }
        builder.key("app:key3", "again"); // replaced: moves last
        RequestContext context = builder.build();

        for (int i = 0; i < count; i++) {
            assertThat(context.values("APP:KEY" + i)).containsExactly(i == 3 ? "again" : "v" + i);
            assertThat(context.requestKeys().single("app:key" + i)).isEqualTo(i == 3 ? "again" : "v" + i);
        }
        assertThat(context.values("app:key" + count)).isEmpty();
        assertThat(context.keys()).hasSize(count);
        assertThat(List.copyOf(context.keys().keySet()).get(count - 1)).isEqualTo("app:key3");
        assertThat(List.copyOf(context.keys().keySet()).get(3)).isEqualTo("App:Key4");
    }

    @Test
    void aContextBuiltPastTheScanLimitIsLeftAsItWasByLaterChanges() {
        RequestContext.Builder builder = request();
        for (int i = 0; i < RequestContext.Keys.SCAN_LIMIT + 1; i++) {
            builder.key("app:key" + i, "v" + i);
        }
        RequestContext first = builder.build();
        RequestContext second = builder.key("app:key0", List.of()).key("app:extra", "x").build();

        assertThat(first.values("app:key0")).containsExactly("v0");
        assertThat(first.values("app:extra")).isEmpty();
        assertThat(second.values("app:key0")).isEmpty();
        assertThat(second.values("app:extra")).containsExactly("x");
        assertThat(second.values("app:key8")).containsExactly("v8");
    }

    @Test
    void removingAKeyKeepsTheOthersInOrder() {
        RequestContext context = request().key("a:one", "1").key("a:two", "2").key("a:three", "3")
                .key("A:TWO", List.of()).build();

        assertThat(context.keys()).containsExactly(entry("a:one", List.of("1")), entry("a:three", List.of("3")));
        assertThat(context.values("a:two")).isEmpty();
    }

    @Test
    void anActionNameIsTheSameActionAsItsText() {
        ActionName create = ActionName.of("IAM:CreateAccessKey");
        RequestContext byName = request().action(create).build();
        RequestContext byText = request().action("IAM:CreateAccessKey").build();

        assertThat(create.name()).isEqualTo("IAM:CreateAccessKey");
        assertThat(byName.action()).isEqualTo(byText.action());
        assertThat(byName.lowerAction()).isEqualTo(byText.lowerAction()).isEqualTo("iam:createaccesskey");
        assertThat(byName.lowerService()).isEqualTo(byText.lowerService()).isEqualTo("iam");
        assertThat(request().action(ActionName.of("Everything")).build().lowerService()).isEqualTo("everything");
    }

    @Test
    void theLastActionGivenCountsWhetherAsTextOrAsName() {
        RequestContext text = request().action(ActionName.of("iam:GetUser")).action("s3:GetObject").build();
        RequestContext name = request().action("s3:GetObject").action(ActionName.of("iam:GetUser")).build();

        assertThat(text.lowerAction()).isEqualTo("s3:getobject");
        assertThat(name.lowerAction()).isEqualTo("iam:getuser");
        assertThatNullPointerException().isThrownBy(() -> request().action((ActionName) null));
        assertThatNullPointerException().isThrownBy(() -> ActionName.of(null));
    }
}
