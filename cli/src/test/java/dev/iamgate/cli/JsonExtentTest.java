package dev.iamgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Where an object ends, found without parsing: exactly where a parser ends it, for well-formed JSON. */
class JsonExtentTest {

    private static final List<String> OBJECTS = List.of(
            "{}",
            "{ }",
            "{\"a\":1}",
            "{\"a\":[1,{\"b\":[[]]}],\"c\":{}}",
            "{\"}\":\"{\"}",
            "{\"a\":\"]]]}}}\"}",
            "{\"q\":\"say \\\"}\\\" now\"}",
            "{\"b\":\"ends in a backslash\\\\\",\"c\":\"}\"}",
            "{\"u\":\"\\u007d\"}",
            "{\"é\":\"ü}€\",\"x\":[\"𝄞\"]}",
            "{\n\t\"a\" : [ 1 , 2 ] \r\n}");

    @Test
    void aWellFormedObjectEndsWhereJacksonEndsIt() {
        JsonFactory json = new JsonFactory();
        for (String object : OBJECTS) {
            byte[] line = ("[" + object + " ,\"}\"]").getBytes(StandardCharsets.UTF_8);
            int end;
            try (JsonParser parser = json.createParser(ObjectReadContext.empty(), line)) {
                parser.nextToken();
                parser.nextToken();
                parser.skipChildren();
                end = (int) parser.currentLocation().getByteOffset();
            }

            assertThat(JsonExtent.objectEnd(line, 1, line.length)).as(object).isEqualTo(end);
            assertThat(end).isEqualTo(1 + object.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void anObjectThatDoesNotCloseBeforeTheLimitHasNoEnd() {
        byte[] text = "{\"a\":{\"b\":\"}\"}}".getBytes(StandardCharsets.UTF_8);

        assertThat(JsonExtent.objectEnd(text, 0, text.length)).isEqualTo(text.length);
        assertThat(JsonExtent.objectEnd(text, 0, text.length - 1)).isEqualTo(-1);
        // cut inside a string, and just after a backslash
        assertThat(JsonExtent.objectEnd(text, 0, 12)).isEqualTo(-1);
        byte[] escape = "{\"a\":\"\\".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonExtent.objectEnd(escape, 0, escape.length)).isEqualTo(-1);
    }

    @Test
    void nothingPastTheLimitIsRead() {
        byte[] text = "{\"a\":[]}".getBytes(StandardCharsets.UTF_8);

        // the closing brace stands just past the limit
        assertThat(JsonExtent.objectEnd(text, 0, text.length - 1)).isEqualTo(-1);
        assertThat(JsonExtent.objectEnd(text, 5, 6)).isEqualTo(-1);
        assertThat(JsonExtent.objectEnd(text, 5, 7)).isEqualTo(7);
    }
}
