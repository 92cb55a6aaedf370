package dev.iamgate.servlet.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.servlet.internal.routing.PathTemplate.CatchAll;
import dev.iamgate.servlet.internal.routing.PathTemplate.Literal;
import dev.iamgate.servlet.internal.routing.PathTemplate.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of path templates, one test per rule. */
class PathTemplateRulesTest {

    private static void rejected(String template, String why) {
        assertThatThrownBy(() -> PathTemplate.parse(template))
                .isInstanceOf(RouteSyntaxException.class)
                .hasMessageContaining(why)
                .satisfies(e -> assertThat(((RouteSyntaxException) e).part()).isEqualTo(RouteSyntaxException.Part.PATH));
    }

    @Test
    void templateIsLiteralsVariablesAndAFinalCatchAll() {
        assertThat(PathTemplate.parse("/api/users/{user}/keys/{rest...}").segments()).containsExactly(
                new Literal("api"), new Literal("users"), new Variable("user"), new Literal("keys"), new CatchAll("rest"));
        assertThat(PathTemplate.parse("/assets/**").segments()).containsExactly(new Literal("assets"), new CatchAll(""));
    }

    @Test
    void rootIsTheOnlyTemplateWithoutSegments() {
        assertThat(PathTemplate.parse("/").segments()).isEmpty();
    }

    @Test
    void templateStartsWithSlash() {
        rejected("api/users", "must start with \"/\"");
        rejected("", "needs a path");
    }

    @Test
    void noEmptySegmentsAndNoTrailingSlash() {
        rejected("/api//users", "empty segment");
        rejected("/api/users/", "empty segment");
    }

    @Test
    void catchAllOnlyAsLastSegment() {
        rejected("/assets/**/x", "must be the last segment");
        rejected("/assets/{file...}/x", "must be the last segment");
    }

    @Test
    void variableIsAWholeSegment() {
        rejected("/api/user-{id}", "a variable is a whole segment");
        rejected("/api/{id}.json", "a variable is a whole segment");
    }

    @ParameterizedTest
    @CsvSource({"/api/{}", "/api/{1x}", "/api/{a-b}", "/api/{...}"})
    void variableNamesAreIdentifiers(String template) {
        rejected(template, "is not a variable");
    }

    @Test
    void aVariableIsBoundOnce() {
        rejected("/api/{id}/x/{id}", "binds {id} twice");
        rejected("/api/{id}/{id...}", "binds {id} twice");
    }

    @Test
    void starOnlyAsCatchAll() {
        rejected("/api/*", "only allowed as the whole last segment");
        rejected("/api/a*b", "only allowed as the whole last segment");
    }

    @Test
    void literalsAreDecodedText() {
        rejected("/api/a%20b", "%-escape");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/api/a;b", "/api/a?b", "/api/a#b", "/api/a\\b", "/api/a b"})
    void literalsHoldOnlyCharactersARequestPathCanReachRoutingWith(String template) {
        rejected(template, "never reaches routing");
    }

    @Test
    void dotSegmentsAreNormalisedAway() {
        rejected("/api/./x", "never appears in a normalised path");
        rejected("/api/../x", "never appears in a normalised path");
    }

    @Test
    void variableNamesDoNotChangeTheShape() {
        assertThat(PathTemplate.parse("/api/users/{user}").shape()).isEqualTo(PathTemplate.parse("/api/users/{name}").shape());
        assertThat(PathTemplate.parse("/a/**").shape()).isEqualTo(PathTemplate.parse("/a/{file...}").shape());
        assertThat(PathTemplate.parse("/a/b").shape()).isNotEqualTo(PathTemplate.parse("/a/{b}").shape());
    }
}
