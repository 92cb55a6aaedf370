package dev.iamgate.example.web;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import java.io.OutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The API's JSON: PascalCase member names as in the IAM API ({@code UserName}, {@code AccessKeyId}),
 * instants as ISO-8601 text, binary as base64. Reading is strict: unknown members, duplicate
 * members and values of the wrong type are refused with a message that names the member but never
 * repeats a value (the body may hold a password).
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // No guessing: 42 is not the user name "42", "3600" is not the number 3600.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private Json() {}

    /**
     * Reads a request body into {@code type}.
     *
     * @throws IamException {@code MalformedInput} when the body is not such a JSON object
     */
    public static <T> T read(byte[] body, Class<T> type) {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new IamException(ErrorCode.MALFORMED_INPUT, "The request body must be a JSON object.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new IamException(ErrorCode.MALFORMED_INPUT, "Unknown member \"" + e.getPropertyName()
                    + "\" in the request body.");
        } catch (MismatchedInputException e) {
            String member = e.getPath().isEmpty() ? "" : e.getPath().get(e.getPath().size() - 1).getPropertyName();
            throw new IamException(ErrorCode.MALFORMED_INPUT, member == null || member.isEmpty()
                    ? "The request body must be a JSON object of the expected members."
                    : "Member \"" + member + "\" of the request body has the wrong type.");
        } catch (StreamReadException e) {
            String where = " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").";
            String duplicate = duplicateMember(e);
            throw new IamException(ErrorCode.MALFORMED_INPUT, duplicate == null
                    ? "The request body is not valid JSON" + where
                    : "Member \"" + duplicate + "\" appears more than once in the request body" + where);
        } catch (JacksonException e) {
            throw new IamException(ErrorCode.MALFORMED_INPUT, "The request body cannot be read as JSON.");
        }
    }

    /**
     * The member a body gave twice, or null for any other fault. Jackson says only in its message
     * which fault it found; at that point its parser stands on the repeated name.
     */
    private static String duplicateMember(StreamReadException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate ")
                && e.processor() != null ? e.processor().currentName() : null;
    }

    /** Writes {@code value} as JSON. */
    public static void write(OutputStream out, Object value) {
        MAPPER.writeValue(out, value);
    }

    /** {@code value} as JSON text. */
    public static String text(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
