package dev.iamgate.internal.compile;

/** Small allocation-light helpers over ARN strings. */
final class Arns {

    private Arns() {}

    /**
     * The account field (fifth part) of an ARN, or empty when the string is not an ARN or the
     * field is empty (S3 ARNs, say).
     */
    static String account(String arn) {
        int start = nthColon(arn, 4);
        if (start < 0) {
            return "";
        }
        int end = arn.indexOf(':', start + 1);
        return end < 0 ? "" : arn.substring(start + 1, end);
    }

    /** The partition field (second part) of an ARN, {@code aws} when absent. */
    static String partition(String arn) {
        int start = nthColon(arn, 1);
        if (start < 0) {
            return "aws";
        }
        int end = arn.indexOf(':', start + 1);
        return end < 0 ? "aws" : arn.substring(start + 1, end);
    }

    /** The service field (third part) of an ARN, empty when absent. */
    static String service(String arn) {
        int start = nthColon(arn, 2);
        if (start < 0) {
            return "";
        }
        int end = arn.indexOf(':', start + 1);
        return end < 0 ? "" : arn.substring(start + 1, end);
    }

    /** The resource field (sixth part, colons and slashes included) of an ARN, empty when absent. */
    static String resource(String arn) {
        int start = nthColon(arn, 5);
        return start < 0 ? "" : arn.substring(start + 1);
    }

    /** Index of the n-th colon (1-based), or -1. */
    private static int nthColon(String text, int n) {
        int index = -1;
        for (int i = 0; i < n; i++) {
            index = text.indexOf(':', index + 1);
            if (index < 0) {
                return -1;
            }
        }
        return index;
    }
}
