package dev.iamgate.internal.condition;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.TextValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * BinaryEquals: the bytes of a base64 policy value against the bytes of the request value.
 *
 * <p>Request keys carry text, so a binary key's value is its base64 text: the request value is
 * decoded too and the bytes compared, so {@code "QQ=="} and {@code "QQ"} (padding omitted) are the
 * same value. Both sides use the standard RFC 4648 alphabet ({@link Base64#getDecoder()}: padding
 * optional, no line breaks, no URL-safe alphabet). A policy value that is not base64 never
 * matches. A request value that is not base64 matches nothing: it is not read as raw UTF-8 bytes,
 * since a text that only sometimes decodes would give one value two meanings.
 *
 * <p>Unlike the other families this allocates per request value (the decoded bytes); BinaryEquals
 * is rare.
 */
public final class BinaryCondition extends KeyedCondition implements CompiledCondition {

    private final byte[][] values;

    BinaryCondition(Condition source) {
        super(source);
        List<byte[]> decoded = new ArrayList<>(source.values().size());
        for (TextValue value : source.values()) {
            byte[] bytes = decode(value.text());
            if (bytes != null) {
                decoded.add(bytes);
            }
        }
        this.values = decoded.toArray(new byte[0][]);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @Override
    boolean matchesAny(String requestValue, RequestKeys keys) {
        if (values.length == 0) {
            return false;
        }
        byte[] request = decode(requestValue);
        if (request == null) {
            return false;
        }
        for (byte[] value : values) {
            if (Arrays.equals(value, request)) {
                return true;
            }
        }
        return false;
    }
}
