package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.compile;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.policy.PolicyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StringConditionTest {

    private static final String TEAM = "aws:PrincipalTag/team";

    @Test
    void compilesToStringCondition() {
        assertThat(compile("StringEquals", TEAM, "red")).isInstanceOf(StringCondition.class);
        assertThat(compile("ForAnyValue:StringNotLikeIfExists", TEAM, "red")).isInstanceOf(StringCondition.class);
    }

    @Test
    void stringEqualsIsExactAndCaseSensitive() {
        CompiledCondition c = compile("StringEquals", TEAM, "red");
        assertThat(c.test(keys(TEAM, "red"))).isTrue();
        assertThat(c.test(keys(TEAM, "RED"))).isFalse();
        assertThat(c.test(keys(TEAM, "red "))).isFalse();
        assertThat(c.test(keys(TEAM, "re"))).isFalse();
    }

    @Test
    void stringEqualsTreatsWildcardsAsLiteralCharacters() {
        CompiledCondition c = compile("StringEquals", TEAM, "re*", "b?ue");
        assertThat(c.test(keys(TEAM, "red"))).isFalse();
        assertThat(c.test(keys(TEAM, "blue"))).isFalse();
        assertThat(c.test(keys(TEAM, "re*"))).isTrue();
        assertThat(c.test(keys(TEAM, "b?ue"))).isTrue();
    }

    @Test
    void severalPolicyValuesAreOred() {
        CompiledCondition c = compile("StringEquals", TEAM, "red", "blue");
        assertThat(c.test(keys(TEAM, "red"))).isTrue();
        assertThat(c.test(keys(TEAM, "blue"))).isTrue();
        assertThat(c.test(keys(TEAM, "green"))).isFalse();
    }

    @Test
    void ignoreCaseComparesWithoutCase() {
        CompiledCondition c = compile("StringEqualsIgnoreCase", TEAM, "ReD");
        assertThat(c.test(keys(TEAM, "red"))).isTrue();
        assertThat(c.test(keys(TEAM, "RED"))).isTrue();
        assertThat(c.test(keys(TEAM, "redd"))).isFalse();
        assertThat(compile("StringEqualsIgnoreCase", TEAM, "ÉQUIPE").test(keys(TEAM, "équipe"))).isTrue();
    }

    @Test
    void ignoreCaseStillTreatsWildcardsLiterally() {
        CompiledCondition c = compile("StringEqualsIgnoreCase", TEAM, "R*");
        assertThat(c.test(keys(TEAM, "red"))).isFalse();
        assertThat(c.test(keys(TEAM, "r*"))).isTrue();
    }

    @Test
    void notEqualsIgnoreCaseIsTheNegation() {
        CompiledCondition c = compile("StringNotEqualsIgnoreCase", TEAM, "RED");
        assertThat(c.test(keys(TEAM, "red"))).isFalse();
        assertThat(c.test(keys(TEAM, "blue"))).isTrue();
    }

    @Test
    void stringLikeIsCaseSensitiveGlob() {
        CompiledCondition c = compile("StringLike", TEAM, "re*");
        assertThat(c.test(keys(TEAM, "red"))).isTrue();
        assertThat(c.test(keys(TEAM, "re"))).isTrue();
        assertThat(c.test(keys(TEAM, "RED"))).isFalse();
        assertThat(c.test(keys(TEAM, "xred"))).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        CompiledCondition c = compile("StringLike", TEAM, "r?d");
        assertThat(c.test(keys(TEAM, "rod"))).isTrue();
        assertThat(c.test(keys(TEAM, "rd"))).isFalse();
        assertThat(c.test(keys(TEAM, "rood"))).isFalse();
    }

    @Test
    void stringNotLikeIsTheNegation() {
        CompiledCondition c = compile("StringNotLike", TEAM, "re*");
        assertThat(c.test(keys(TEAM, "blue"))).isTrue();
        assertThat(c.test(keys(TEAM, "red"))).isFalse();
    }

    @Test
    void keyNameIsCaseInsensitive() {
        CompiledCondition c = compile("StringEquals", "AWS:PrincipalTag/TEAM", "red");
        assertThat(c.test(keys("aws:principaltag/team", "red"))).isTrue();
    }

    @Test
    void absentKeyFailsPositiveAndPassesNegatedOperators() {
        assertThat(compile("StringEquals", TEAM, "red").test(TestKeys.none())).isFalse();
        assertThat(compile("StringLike", TEAM, "*").test(TestKeys.none())).isFalse();
        assertThat(compile("StringNotEquals", TEAM, "red").test(TestKeys.none())).isTrue();
        assertThat(compile("StringNotLike", TEAM, "*d").test(TestKeys.none())).isTrue();
    }

    @Test
    void emptyPolicyValueListIsFalseForAPresentKeyNegatedOrNot() {
        // IAM User Guide, policy check reference (Empty array condition …IfExists / ForAllValues):
        // an empty list matches only when the key is missing; see EmptyConditionValuesTest
        assertThat(compile("StringEquals", TEAM).test(keys(TEAM, "red"))).isFalse();
        assertThat(compile("StringNotEquals", TEAM).test(keys(TEAM, "red"))).isFalse();
        assertThat(compile("StringNotEquals", TEAM).test(TestKeys.none())).isTrue();
    }

    @Test
    void variablesAreSubstitutedUnder2012() {
        CompiledCondition c = compile("StringEquals", "aws:PrincipalTag/owner", "${aws:username}");
        TestKeys alice = keys("aws:username", "alice");
        assertThat(c.test(alice.with("aws:PrincipalTag/owner", "alice"))).isTrue();
        assertThat(c.test(keys("aws:username", "alice").with("aws:PrincipalTag/owner", "bob"))).isFalse();
    }

    @Test
    void variableNamesAreCaseInsensitive() {
        CompiledCondition c = compile("StringEquals", "s3:prefix", "home/${AWS:UserName}");
        assertThat(c.test(keys("aws:username", "alice").with("s3:prefix", "home/alice"))).isTrue();
    }

    @Test
    void variablesInLikePatternsAreSubstituted() {
        CompiledCondition c = compile("StringLike", "s3:prefix", "home/${aws:username}/*");
        assertThat(c.test(keys("aws:username", "alice").with("s3:prefix", "home/alice/docs/x"))).isTrue();
        assertThat(c.test(keys("aws:username", "alice").with("s3:prefix", "home/bob/docs/x"))).isFalse();
    }

    @Test
    void variableDefaultIsUsedWhenKeyIsAbsent() {
        CompiledCondition c = compile("StringEquals", TEAM, "${aws:PrincipalTag/dept, 'none'}");
        assertThat(c.test(keys(TEAM, "none"))).isTrue();
        assertThat(c.test(keys(TEAM, "sales").with("aws:PrincipalTag/dept", "sales"))).isTrue();
        assertThat(c.test(keys(TEAM, "none").with("aws:PrincipalTag/dept", "sales"))).isFalse();
    }

    @Test
    void escapesAreKeptAsWrittenInEqualityValues() {
        // Escapes exist to write a literal wildcard; StringEquals has none, so they stay text.
        assertThat(compile("StringEquals", TEAM, "what${?}").test(keys(TEAM, "what?"))).isFalse();
        assertThat(compile("StringEquals", TEAM, "what${?}").test(keys(TEAM, "what${?}"))).isTrue();
        assertThat(compile("StringLike", TEAM, "what${?}").test(keys(TEAM, "what?"))).isTrue();
        assertThat(compile("StringLike", TEAM, "what${?}").test(keys(TEAM, "whats"))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = PolicyVersion.class, names = {"V2008_10_17", "UNSPECIFIED"})
    void variablesAreLiteralTextBefore2012(PolicyVersion version) {
        CompiledCondition c = compile(version, "StringEquals", "s3:prefix", "${aws:username}");
        assertThat(c.test(keys("aws:username", "alice").with("s3:prefix", "alice"))).isFalse();
        assertThat(c.test(keys("aws:username", "alice").with("s3:prefix", "${aws:username}"))).isTrue();
        CompiledCondition like = compile(version, "StringLike", "s3:prefix", "${aws:username}");
        assertThat(like.test(keys("aws:username", "alice").with("s3:prefix", "${aws:username}"))).isTrue();
    }

    @Test
    void unresolvableVariableExcludesThatValue() {
        CompiledCondition positive = compile("StringEquals", TEAM, "${aws:username}", "bob");
        assertThat(positive.test(keys(TEAM, "bob"))).isTrue();
        assertThat(positive.test(keys(TEAM, ""))).isFalse();
        assertThat(positive.test(keys(TEAM, "${aws:username}"))).isFalse();

        assertThat(compile("StringEquals", TEAM, "${aws:username}").test(keys(TEAM, "alice"))).isFalse();
        assertThat(compile("StringLike", TEAM, "${aws:username}*").test(keys(TEAM, "alice"))).isFalse();

        // Negated: the unresolvable value matches nothing, so it excludes nothing.
        assertThat(compile("StringNotEquals", TEAM, "${aws:username}").test(keys(TEAM, "alice"))).isTrue();
        assertThat(compile("StringNotLike", TEAM, "${aws:username}*").test(keys(TEAM, "alice"))).isTrue();
        CompiledCondition negated = compile("StringNotEquals", TEAM, "${aws:username}", "bob");
        assertThat(negated.test(keys(TEAM, "bob"))).isFalse();
        assertThat(negated.test(keys(TEAM, "carol"))).isTrue();
    }

    @Test
    void multivaluedKeyAsVariableIsUnresolvable() {
        CompiledCondition c = compile("StringEquals", TEAM, "${aws:TagKeys}");
        assertThat(c.test(keys(TEAM, "a").with("aws:TagKeys", "a", "b"))).isFalse();
        assertThat(c.test(keys(TEAM, "a").with("aws:TagKeys", "a"))).isTrue();
    }
}
