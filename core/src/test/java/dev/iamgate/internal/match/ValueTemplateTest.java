package dev.iamgate.internal.match;

import static dev.iamgate.internal.match.TestKeys.keys;
import static dev.iamgate.internal.match.TestKeys.multivalued;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.internal.RequestKeys;
import org.junit.jupiter.api.Test;

class ValueTemplateTest {

    @Test
    void textWithoutVariablesResolvesToItself() {
        ValueTemplate template = ValueTemplate.parse("arn:aws:s3:::bucket/*", true);

        assertThat(template.hasVariables()).isFalse();
        assertThat(template.resolve(RequestKeys.NONE)).isEqualTo("arn:aws:s3:::bucket/*");
    }

    @Test
    void variableIsSubstituted() {
        ValueTemplate template = ValueTemplate.parse("home/${aws:username}/", true);

        assertThat(template.hasVariables()).isTrue();
        assertThat(template.resolve(keys("aws:username", "alice"))).isEqualTo("home/alice/");
    }

    @Test
    void keyNameIsCaseInsensitive() {
        ValueTemplate template = ValueTemplate.parse("${AWS:PrincipalTag/Team}", true);

        assertThat(template.resolve(keys("aws:principaltag/team", "red"))).isEqualTo("red");
    }

    @Test
    void missingVariableIsUnresolvable() {
        assertThat(ValueTemplate.parse("x-${aws:username}", true).resolve(RequestKeys.NONE)).isNull();
    }

    @Test
    void defaultIsUsedWhenKeyAbsent() {
        ValueTemplate template = ValueTemplate.parse("${aws:username, 'nobody'}", true);

        assertThat(template.resolve(RequestKeys.NONE)).isEqualTo("nobody");
        assertThat(template.resolve(keys("aws:username", "alice"))).isEqualTo("alice");
    }

    @Test
    void emptyDefaultIsAllowed() {
        assertThat(ValueTemplate.parse("a${k, ''}b", true).resolve(RequestKeys.NONE)).isEqualTo("ab");
    }

    @Test
    void multivaluedKeyIsUnresolvable() {
        RequestKeys tags = multivalued("aws:TagKeys", "a", "b");

        assertThat(ValueTemplate.parse("${aws:TagKeys}", true).resolve(tags)).isNull();
        assertThat(ValueTemplate.parse("${aws:TagKeys, 'none'}", true).resolve(tags)).isEqualTo("none");
    }

    @Test
    void singleValuedListIsResolvable() {
        assertThat(ValueTemplate.parse("${aws:TagKeys}", true).resolve(multivalued("aws:TagKeys", "a")))
                .isEqualTo("a");
    }

    @Test
    void escapesAreKeptAsWrittenWhereWildcardsMeanNothing() {
        ValueTemplate template = ValueTemplate.parse("${*}${?}${$}{x}", true);

        assertThat(template.hasVariables()).isFalse();
        assertThat(template.resolve(RequestKeys.NONE)).isEqualTo("${*}${?}${$}{x}");
    }

    @Test
    void variablesAreLiteralUnderOldVersions() {
        ValueTemplate template = ValueTemplate.parse("${aws:username}${*}", false);

        assertThat(template.hasVariables()).isFalse();
        assertThat(template.resolve(keys("aws:username", "alice"))).isEqualTo("${aws:username}${*}");
    }

    @Test
    void substitutionIsOnePass() {
        ValueTemplate template = ValueTemplate.parse("${a}", true);

        assertThat(template.resolve(keys("a", "${b}", "b", "nested"))).isEqualTo("${b}");
    }

    @Test
    void malformedReferencesStayLiteral() {
        String[] malformed = {
            "${aws:username", "${}", "${aws: username}", "${aws:username }", "${k,'x'}", "${k,  'x'}",
            "${k, x}", "${k, 'x}", "${k, 'x'", "${k, 'x' }", "$", "${",
        };
        for (String text : malformed) {
            ValueTemplate template = ValueTemplate.parse(text, true);
            assertThat(template.hasVariables()).as(text).isFalse();
            assertThat(template.resolve(keys("k", "v", "aws:username", "alice"))).as(text).isEqualTo(text);
        }
    }

    @Test
    void wellFormedReferenceAfterMalformedOneIsStillRecognised() {
        ValueTemplate template = ValueTemplate.parse("${a b}-${k}", true);

        assertThat(template.resolve(keys("k", "v"))).isEqualTo("${a b}-v");
    }

    @Test
    void defaultTextIsTakenVerbatim() {
        ValueTemplate template = ValueTemplate.parse("${k, 'a}b ${x}'}", true);

        assertThat(template.resolve(RequestKeys.NONE)).isEqualTo("a}b ${x}");
    }

    @Test
    void explanationsShowThePolicyTextAsWritten() {
        assertThat(ValueTemplate.parse("home/${aws:username, 'guest'}/${*}", true))
                .hasToString("home/${aws:username, 'guest'}/${*}");
    }
}
