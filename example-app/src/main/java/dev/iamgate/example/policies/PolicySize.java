package dev.iamgate.example.policies;

/**
 * The size of a policy document as IAM counts it against its quotas: characters without the
 * whitespace between JSON tokens (whitespace inside strings counts).
 */
final class PolicySize {

    private PolicySize() {}

    static int of(String document) {
        int count = 0;
        boolean inString = false;
        for (int i = 0; i < document.length(); i++) {
            char c = document.charAt(i);
            if (inString) {
                if (c == '\\') {
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
