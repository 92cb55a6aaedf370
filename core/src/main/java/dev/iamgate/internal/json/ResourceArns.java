package dev.iamgate.internal.json;

/**
 * The ARN shape IAM requires of a {@code Resource} entry when a policy is saved: {@code
 * arn:partition:service:region:account:resource}, or {@code *}.
 */
final class ResourceArns {

    private static final String PREFIX = "arn:";

    /** Six parts are separated by five colons; later colons belong to the resource part. */
    private static final int SEPARATORS = 5;

    private ResourceArns() {}

    /**
     * Why the entry is not an acceptable resource, or null when it is. A {@code *} may stand for
     * several parts, colons included ({@code arn:aws:iam:*:user/alice}), so an entry with a
     * wildcard is not held to the count of parts.
     */
    static String problem(String resource) {
        if (resource.equals("*")) {
            return null;
        }
        if (!resource.startsWith(PREFIX)) {
            return "must be \"*\" or an ARN starting with \"arn:\"";
        }
        int colons = 0;
        boolean wildcard = false;
        for (int i = 0; i < resource.length() && colons < SEPARATORS; i++) {
            char c = resource.charAt(i);
            if (c == ':') {
                colons++;
            } else if (c == '*') {
                wildcard = true;
            }
        }
        if (colons < SEPARATORS && !wildcard) {
            return "has fewer than the six parts of an ARN"
                       + " (arn:partition:service:region:account:resource)";
        }
        return null;
    }
}
