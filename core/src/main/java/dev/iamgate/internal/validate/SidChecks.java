package dev.iamgate.internal.validate;

import dev.iamgate.policy.SourceLocation;
import dev.iamgate.policy.Statement;

import java.util.HashMap;
import java.util.Map;

/** Statement ids: empty, characters IAM refuses, repeated. */
final class SidChecks implements PolicyCheck {

    @Override
    public void check(PolicyContext context, Findings findings) {
        boolean iam = context.kind().storedByIam();
        Map<String, SourceLocation> seen = new HashMap<>();
        for (Statement statement : context.policy().statements()) {
            if (statement.sid().isEmpty()) {
                continue;
            }
            String sid = statement.sid().get();
            SourceLocation at = context.element(statement, "Sid");
            if (sid.isEmpty()) {
                findings.report(CheckId.EMPTY_SID_VALUE, at, "The Sid is an empty string.");
                continue;
            }
            if (iam && !isAlphanumeric(sid)) {
                findings.report(CheckId.UNSUPPORTED_SID, at, "Sid " + Quote.of(sid)
                        + " has characters other than A-Z, a-z and 0-9, which IAM rejects.");
            }
            SourceLocation first = seen.putIfAbsent(sid, at);
            if (first != null) {
                findings.report(iam ? CheckId.UNIQUE_SIDS_REQUIRED : CheckId.UNIQUE_SIDS_RECOMMENDED,
                        at, "Sid " + Quote.of(sid) + " is already used on "
                                + PolicyContext.line(first) + ".");
            }
        }
    }

    private static boolean isAlphanumeric(String sid) {
        for (int i = 0; i < sid.length(); i++) {
            char c = sid.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
