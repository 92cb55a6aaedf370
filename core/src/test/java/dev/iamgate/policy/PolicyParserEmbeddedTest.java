package dev.iamgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamgate.internal.json.PolicyWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** A policy document read from the tokens of a larger JSON text, as {@code iamgate eval} reads cases. */
class PolicyParserEmbeddedTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String ALLOW = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Own\",\"Effect\":\"Allow\","
            + "\"Action\":\"iam:*AccessKey*\",\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}}";
    private static final String DENY = "{\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"iam:GetUser\",\"Resource\":\"*\","
            + "\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}]}";

    @Test
    void aDocumentReadFromTheTokensOfALargerTextIsTheDocumentParsedAlone() {
        byte[] text = ("{\"id\":\"case-1\",\"policies\":[" + ALLOW + ",\n  " + DENY + "],\"after\":true}")
                .getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
            advanceTo(parser, "policies");
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            Policy allow = PolicyParser.parse(parser, "first");
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            Policy deny = PolicyParser.parse(parser, "second");

            assertThat(PolicyWriter.write(allow)).isEqualTo(PolicyWriter.write(PolicyParser.parse(ALLOW, "first")));
            assertThat(PolicyWriter.write(deny)).isEqualTo(PolicyWriter.write(PolicyParser.parse(DENY, "second")));
            assertThat(allow.name()).isEqualTo("first");
            // the caller goes on with the rest of its text
            assertThat(parser.nextToken()).isEqualTo(JsonToken.END_ARRAY);
            assertThat(parser.nextToken()).isEqualTo(JsonToken.PROPERTY_NAME);
            assertThat(parser.currentName()).isEqualTo("after");
        }
    }

    @Test
    void aDocumentThatIsTheWholeTextEqualsTheDocumentParsedAlone() {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), DENY)) {
            parser.nextToken();

            assertThat(PolicyParser.parse(parser, "x")).isEqualTo(PolicyParser.parse(DENY, "x"));
        }
    }

    @Test
    void locationsOfAnEmbeddedDocumentAreThoseOfTheLargerText() {
        String text = "[\n   " + DENY + "]";
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
            parser.nextToken();
            parser.nextToken();

            Statement statement = PolicyParser.parse(parser, "x").statements().get(0);

            assertThat(statement.location()).isEqualTo(new SourceLocation("/Statement/0", 2, 18));
        }
    }

    @Test
    void anEmbeddedDocumentIsCheckedLikeAnyOther() {
        String text = "{\"p\":{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}}";
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
            advanceTo(parser, "p");
            parser.nextToken();

            PolicyParseException e = assertThrows(PolicyParseException.class, () -> PolicyParser.parse(parser, "dup"));

            assertThat(e.problem()).isEqualTo(PolicyProblem.DUPLICATE_KEY);
            assertThat(e.location().pointer()).isEqualTo("/Statement/Action");
            assertThat(e.policyName()).isEqualTo("dup");
        }
    }

    @Test
    void anEmbeddedValueThatIsNoObjectIsNoPolicy() {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), "[\"a policy?\"]")) {
            parser.nextToken();
            parser.nextToken();

            PolicyParseException e = assertThrows(PolicyParseException.class, () -> PolicyParser.parse(parser, "s"));

            assertThat(e.problem()).isEqualTo(PolicyProblem.WRONG_TYPE);
        }
    }

    @Test
    void theLengthLimitCountsTheDocumentsExtentInBytesOfAByteInput() {
        // 'é' is one character and two bytes: the document fits the limit in characters, not in bytes
        String document = "{\"Statement\":{\"Sid\":\"" + "é".repeat(20) + "\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
        int limit = document.length();
        PolicyParser parser = PolicyParser.withLimits(new PolicyParser.Limits(limit, 64));
        byte[] text = ("[" + document + "]").getBytes(StandardCharsets.UTF_8);
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
            json.nextToken();
            json.nextToken();

            PolicyParseException e = assertThrows(PolicyParseException.class, () -> parser.read(json, "big"));

            assertThat(e.problem()).isEqualTo(PolicyProblem.DOCUMENT_TOO_LARGE);
            assertThat(e.detail()).isEqualTo("the document is " + (limit + 20) + " bytes long; the limit is " + limit);
            assertThat(e.location()).isEqualTo(new SourceLocation("", 1, 2));
        }
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), "[" + document + "]")) {
            json.nextToken();
            json.nextToken();

            assertThat(parser.read(json, "fits").statements()).hasSize(1);
        }
    }

    @Test
    void nestingCountsFromTheEmbeddedDocumentsRoot() {
        // root, Statement, Condition, operator and the outer array make five levels, as when parsed alone
        String document = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{"
                + "\"StringEquals\":{\"aws:username\":[[\"alice\"]]}}}}";
        PolicyParser five = PolicyParser.withLimits(new PolicyParser.Limits(4096, 5));
        PolicyParser four = PolicyParser.withLimits(new PolicyParser.Limits(4096, 4));
        String text = "[[[" + document + "]]]";

        PolicyParseException deep = assertThrows(PolicyParseException.class, () -> readInnermost(four, text));
        PolicyParseException wrongType = assertThrows(PolicyParseException.class, () -> readInnermost(five, text));

        assertThat(deep.problem()).isEqualTo(PolicyProblem.NESTING_TOO_DEEP);
        assertThat(deep.location().pointer()).isEqualTo("/Statement/Condition/StringEquals/aws:username");
        // within the limit, the nested array is a value of the wrong type, as for the document alone
        assertThat(wrongType.problem()).isEqualTo(assertThrows(PolicyParseException.class,
                () -> five.read(document, "alone")).problem());
    }

    private static Policy readInnermost(PolicyParser policies, String text) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
            while (parser.nextToken() != JsonToken.START_OBJECT) {
                // the three arrays around the document
            }
            return policies.read(parser, "nested");
        }
    }

    private static void advanceTo(JsonParser parser, String name) {
        while (parser.nextToken() != JsonToken.PROPERTY_NAME || !parser.currentName().equals(name)) {
            // skipping the tokens before the member
        }
    }
}
