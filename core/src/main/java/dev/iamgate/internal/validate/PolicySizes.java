package dev.iamgate.internal.validate;

/** How IAM counts a policy document's size against its quotas. */
public final class PolicySizes {

    private PolicySizes() {}

    /**
     * The length in code points of the document with the whitespace between JSON tokens removed,
     * as IAM counts. Whitespace inside strings is kept: it is part of a value.
     */
    public static int withoutWhitespace(String text) {
        int count = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    // the backslash and the (ASCII) character it escapes
                    count += 2;
                    i++;
                    continue;
                }
                if (c == '"') {
                    inString = false;
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            } else if (c == '"') {
                inString = true;
            }
            if (!Character.isLowSurrogate(c)) {
                count++;
            }
        }
        return count;
    }
}
