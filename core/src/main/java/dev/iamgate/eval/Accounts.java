package dev.iamgate.eval;

/**
 * Which account a request's principal and resource belong to. A resource ARN without an account
 * field (S3 buckets, {@code *}) belongs to the caller's account.
 */
final class Accounts {

    private Accounts() {}

    static boolean same(String principalArn, String resource) {
        int resourceStart = accountStart(resource);
        if (resourceStart < 0) {
            return true;
        }
        int resourceEnd = resource.indexOf(':', resourceStart);
        if (resourceEnd == resourceStart) {
            return true;
        }
        int principalStart = accountStart(principalArn);
        if (principalStart < 0) {
            // A caller without an account of its own (anonymous, or not given) is judged by this account's policies.
            return true;
        }
        int principalEnd = principalArn.indexOf(':', principalStart);
        int length = resourceEnd - resourceStart;
        if (principalEnd - principalStart != length) {
            return false;
        }
        // a plain loop: regionMatches checks its bounds and coders first, which costs more than the
        // dozen characters of an account id
        for (int i = 0; i < length; i++) {
            if (principalArn.charAt(principalStart + i) != resource.charAt(resourceStart + i)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the account field of an ARN (after its fourth colon), or -1 when it has none. */
    private static int accountStart(String arn) {
        if (!arn.startsWith("arn:")) {
            return -1;
        }
        int index = -1;
        for (int i = 0; i < 4; i++) {
            index = arn.indexOf(':', index + 1);
            if (index < 0) {
                return -1;
            }
        }
        return arn.indexOf(':', index + 1) < 0 ? -1 : index + 1;
    }
}
