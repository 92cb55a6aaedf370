package dev.iamgate.internal.validate;

/** The six parts of an ARN as written in a Resource element. */
final class Arns {

    /** The five colons between the six parts; later colons belong to the resource part. */
    private static final int SEPARATORS = 5;

    private Arns() {}

    /**
     * {@code arn}, {@code partition}, {@code service}, {@code region}, {@code account} and the
     * resource, or null when the text is not {@code arn:} with five colons.
     */
    static String[] parts(String text) {
        if (!text.startsWith("arn:")) {
            return null;
        }
        String[] parts = new String[SEPARATORS + 1];
        int start = 0;
        for (int i = 0; i < SEPARATORS; i++) {
            int colon = text.indexOf(':', start);
            if (colon < 0) {
                return null;
            }
            parts[i] = text.substring(start, colon);
            start = colon + 1;
        }
        parts[SEPARATORS] = text.substring(start);
        return parts;
    }

    /** Index of the resource part (after the fifth colon), or -1 when there is none. */
    static int resourceStart(String text) {
        int start = 0;
        for (int i = 0; i < SEPARATORS; i++) {
            int colon = text.indexOf(':', start);
            if (colon < 0) {
                return -1;
            }
            start = colon + 1;
        }
        return start;
    }
}
