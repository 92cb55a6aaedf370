package dev.iamgate.internal.match;

import dev.iamgate.internal.RequestKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A matcher fuzz target's input, read from the fuzzer's bytes so that a seed file is readable text:
 * one flag character, then pattern, value and variable text separated by line feeds, e.g.
 * {@code 1arn:aws:s3:::bucket/${aws:username}/*\narn:aws:s3:::bucket/alice/x\nalice}.
 *
 * @param variables policy variables enabled (flag bit 0)
 * @param ignoreCase compare ignoring case, where the matcher has the choice (flag bit 1)
 * @param pattern the policy text
 * @param value the request text
 * @param keys every condition key has the variable text as its single value; none has a value when
 *     that text is empty
 */
record MatchInput(boolean variables, boolean ignoreCase, String pattern, String value, RequestKeys keys) {

    static MatchInput of(byte[] bytes) {
        int flags = bytes.length == 0 ? 0 : bytes[0];
        String text = bytes.length == 0 ? "" : new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
        int first = text.indexOf('\n');
        String pattern = first < 0 ? text : text.substring(0, first);
        String rest = first < 0 ? "" : text.substring(first + 1);
        int second = rest.indexOf('\n');
        String value = second < 0 ? rest : rest.substring(0, second);
        String variableText = second < 0 ? "" : rest.substring(second + 1);
        List<String> values = variableText.isEmpty() ? List.of() : List.of(variableText);
        return new MatchInput((flags & 1) != 0, (flags & 2) != 0, pattern, value, key -> values);
    }

    /**
     * The pattern with its wildcards filled in: the first {@code *} by {@code star}, each later one
     * by one character of it in turn (so the result stays within the pattern's and the star's
     * lengths together), each {@code ?} by {@code x}. A value the pattern must match when it is read
     * without variables.
     */
    String instance(String star) {
        StringBuilder out = new StringBuilder(pattern.length() + star.length());
        int stars = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (stars == 0) {
                    out.append(star);
                } else if (!star.isEmpty()) {
                    out.append(star.charAt(stars % star.length()));
                }
                stars++;
            } else {
                out.append(c == '?' ? 'x' : c);
            }
        }
        return out.toString();
    }

    /** For assertion messages: the input with control characters visible. */
    @Override
    public String toString() {
        return "pattern " + show(pattern) + ", value " + show(value) + ", variables " + variables
                + ", ignoreCase " + ignoreCase;
    }

    private static String show(String s) {
        String head = s.length() > 200 ? s.substring(0, 200) + "... (" + s.length() + " chars)" : s;
        return '"' + head.replace("\n", "\\n").replace("\r", "\\r") + '"';
    }
}
