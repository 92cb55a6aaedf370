package dev.iamgate.internal.validate;

import dev.iamgate.internal.json.JsonValue;
import dev.iamgate.internal.json.JsonValue.JsonArray;
import dev.iamgate.internal.json.JsonValue.JsonObject;
import dev.iamgate.internal.json.JsonValue.JsonScalar;
import dev.iamgate.internal.json.JsonValue.Member;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.validate.PolicyKind;

import java.util.Locale;

/** The document as a whole: size limit, allowed characters, Version. */
final class DocumentChecks implements PolicyCheck {

    @Override
    public void check(PolicyContext context, Findings findings) {
        size(context, findings);
        if (context.kind().storedByIam()) {
            characters(context.doc().root(), findings);
        }
        version(context, findings);
    }

    private static void size(PolicyContext context, Findings findings) {
        PolicyKind kind = context.kind();
        int limit = switch (kind) {
            case IDENTITY -> context.options().attachment().sizeLimit();
            case PERMISSIONS_BOUNDARY -> 6_144;
            case TRUST, SESSION -> 2_048;
            case SERVICE_CONTROL, RESOURCE_CONTROL -> 5_120;
            // each service has its own limit (S3 20 KB, SQS 8 KB, ...); none is checked
            case RESOURCE -> Integer.MAX_VALUE;
        };
        // Organizations counts every character; IAM and STS count the document without whitespace
        boolean whitespaceCounts =
                kind == PolicyKind.SERVICE_CONTROL || kind == PolicyKind.RESOURCE_CONTROL;
        String text = context.text();
        if (text.length() <= limit) {
            return; // neither count exceeds the number of chars
        }
        int size = whitespaceCounts
                ? text.codePointCount(0, text.length())
                : PolicySizes.withoutWhitespace(text);
        if (size > limit) {
            findings.report(CheckId.POLICY_SIZE_EXCEEDED, new SourceLocation("", 1, 1),
                    String.format(Locale.ROOT, "The policy has %,d characters%s; a %s may have"
                            + " %,d.", size, whitespaceCounts ? "" : " without whitespace",
                            describe(context), limit));
        }
    }

    private static String describe(PolicyContext context) {
        return switch (context.kind()) {
            case IDENTITY -> switch (context.options().attachment()) {
                case MANAGED -> "managed policy";
                case USER_INLINE -> "user's inline policies together";
                case GROUP_INLINE -> "group's inline policies together";
                case ROLE_INLINE -> "role's inline policies together";
            };
            case PERMISSIONS_BOUNDARY -> "permissions boundary";
            case TRUST -> "role trust policy";
            case SESSION -> "session policy";
            case SERVICE_CONTROL -> "service control policy";
            case RESOURCE_CONTROL -> "resource control policy";
            case RESOURCE -> "resource-based policy";
        };
    }

    /** Every string (values and member names) checked against IAM's character range. */
    private static void characters(JsonValue node, Findings findings) {
        if (node instanceof JsonObject obj) {
            for (Member member : obj.members()) {
                checkText(member.name(), member.nameLocation(), findings);
                characters(member.value(), findings);
            }
        } else if (node instanceof JsonArray arr) {
            for (JsonValue element : arr.elements()) {
                characters(element, findings);
            }
        } else if (node instanceof JsonScalar scalar && scalar.isString()) {
            checkText(scalar.text(), scalar.location(), findings);
        }
    }

    private static void checkText(String text, SourceLocation location, Findings findings) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFF))) {
                findings.report(CheckId.INVALID_CHARACTERS, location, String.format(Locale.ROOT,
                        "%s contains U+%04X at index %d; IAM accepts only tab, line feed, carriage"
                                + " return and U+0020 to U+00FF.", Quote.of(text), c, i));
                return;
            }
            i += Character.charCount(c);
        }
    }

    private static void version(PolicyContext context, Findings findings) {
        PolicyVersion version = context.policy().version();
        PolicyKind kind = context.kind();
        boolean identity = kind == PolicyKind.IDENTITY || kind == PolicyKind.PERMISSIONS_BOUNDARY;
        SourceLocation versionAt = context.doc().member("", "Version")
                .map(m -> m.value().location())
                .orElse(context.doc().root().location());
        if (identity && version != PolicyVersion.V2012_10_17) {
            findings.report(CheckId.UNSUPPORTED_VERSION, versionAt,
                    (version == PolicyVersion.UNSPECIFIED
                            ? "The policy has no Version"
                            : "Version is " + version.jsonName())
                            + "; IAM rejects identity policies that are not version 2012-10-17.");
        } else if (version == PolicyVersion.UNSPECIFIED) {
            findings.report(CheckId.MISSING_VERSION, versionAt, "The policy has no Version, so it"
                    + " is read as 2008-10-17 and policy variables are not substituted.");
        }
    }
}
