package dev.iamgate.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.policy.PolicyParser;
import dev.iamgate.validate.Finding;
import dev.iamgate.validate.PolicyValidator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

/**
 * The redundant-statement check compares each statement only with the statements that may cover
 * it (by its first action); these pin that the covering statement it names is still the first in
 * document order, whichever way it was found.
 */
class RedundantStatementCheckTest {

    private static List<String> redundancies(String... statements) {
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": [\n" + String.join(",\n", statements) + "]}";
        return PolicyValidator.validate(json).findings().stream()
                .filter(f -> f.check().equals("redundant-statement"))
                .map(Finding::message)
                .toList();
    }

    private static String allow(String sid, String actions, String resource) {
        return "{\"Sid\": \"" + sid + "\", \"Effect\": \"Allow\", \"Action\": " + actions
                + ", \"Resource\": \"" + resource + "\"}";
    }

    /** The wildcard statement found through the unindexed list, the literal one through the index. */
    static Stream<Arguments> wildcardOrLiteralFirst() {
        String literal = allow("Literal", "[\"s3:PutObject\", \"S3:GETOBJECT\"]", "arn:aws:s3:::bucket/*");
        String narrow = allow("Narrow", "\"s3:GetObject\"", "arn:aws:s3:::bucket/photo");
        return Stream.of(
                Arguments.of(List.of(allow("Wildcard", "\"s3:*\"", "*"), literal, narrow), List.of(
                        "Statement Literal is already covered by statement Wildcard on line 2.",
                        "Statement Narrow is already covered by statement Wildcard on line 2.")),
                Arguments.of(List.of(literal, allow("Wildcard", "\"s3:*\"", "arn:aws:s3:::bucket/photo"), narrow),
                        List.of("Statement Narrow is already covered by statement Literal on line 2.")));
    }

    @ParameterizedTest
    @MethodSource("wildcardOrLiteralFirst")
    void theFirstCoveringStatementInDocumentOrderIsNamed(List<String> statements, List<String> expected) {
        assertThat(redundancies(statements.toArray(String[]::new))).containsExactlyElementsOf(expected);
    }

    @Test
    void aStatementWhoseFirstActionNoLiteralListsIsCoveredOnlyByWildcards() {
        assertThat(redundancies(
                allow("Literal", "\"s3:GetObject\"", "*"),
                allow("Narrow", "[\"s3:PutObject\", \"s3:GetObject\"]", "arn:aws:s3:::bucket/photo")))
                .isEmpty();
    }

    @Test
    void literalEndsOfAPatternMustMatchTheOtherPatternsEnds() {
        assertThat(PatternCover.covers("arn:aws:s3:::bucket-1/*/x", "arn:aws:s3:::bucket-1/a/b/x", false)).isTrue();
        assertThat(PatternCover.covers("arn:aws:s3:::bucket-1/*/x", "arn:aws:s3:::bucket-2/a/x", false)).isFalse();
        assertThat(PatternCover.covers("arn:aws:s3:::bucket-1/*/x", "arn:aws:s3:::bucket-1/a/y", false)).isFalse();
        assertThat(PatternCover.covers("a*", "a", false)).isTrue();
        assertThat(PatternCover.covers("a*a", "a", false)).isFalse();
        assertThat(PatternCover.covers("${*}*", "${*}abc", false)).isTrue();
        assertThat(PatternCover.covers("${*}", "*", false)).isFalse(); // a literal * takes no wildcard
        assertThat(PatternCover.covers("x${aws:username}*", "x${aws:username}/y", false)).isTrue();
        assertThat(PatternCover.covers("x${aws:username}", "x${aws:userid}", false)).isFalse();
    }

    /**
     * An action pattern covers a name exactly when the matcher would match it, case folded the
     * matcher's way ({@code CaseFold}, as {@link String#equalsIgnoreCase}) beyond ASCII too: a
     * redundancy finding never claims a statement is covered when decisions say otherwise.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s3:GetObject         | \u017f3:getobject",
        "\u017f3:GetObject    | S3:GETOBJECT",
        "\u0130am:GetUser     | iam:getuser",
        "iam:GetUser          | \u0131AM:GetUser",
        "s3:Get*              | \u017f3:GetObject",
        "\u017f3:Get*         | s3:Getobject",
        "s3:GetObject         | s3:GetObjects",
        "iam:Get?ser          | iam:Get\u0130ser",
    })
    void anActionPatternCoversANameExactlyWhenTheMatcherMatchesIt(String pattern, String name) {
        PolicySet set = PolicySet.ofIdentityPolicies(PolicyParser.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"" + pattern
                        + "\",\"Resource\":\"*\"}}"));
        boolean matched = set.evaluate(RequestContext.builder().action(name).resource("*").build())
                .isAllowed();

        assertThat(PatternCover.covers(pattern, name, true)).isEqualTo(matched);
        assertThat(redundancies(allow("Wide", "\"" + pattern + "\"", "*"), allow("Narrow", "\"" + name + "\"", "*")))
                .hasSize(matched ? 1 : 0);
    }
}
