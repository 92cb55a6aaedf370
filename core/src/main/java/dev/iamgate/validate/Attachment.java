package dev.iamgate.validate;

/**
 * How an {@link PolicyKind#IDENTITY identity} policy is stored, which decides its size limit. IAM
 * counts characters without whitespace; for inline policies the limit applies to the sum of all
 * inline policies of the user, group or role, so one document is checked against the whole limit.
 */
public enum Attachment {
    /** A customer managed policy: 6,144 characters per version. */
    MANAGED(6_144),
    /** Inline in an IAM user: 2,048 characters for all of the user's inline policies. */
    USER_INLINE(2_048),
    /** Inline in an IAM group: 5,120 characters for all of the group's inline policies. */
    GROUP_INLINE(5_120),
    /** Inline in an IAM role: 10,240 characters for all of the role's inline policies. */
    ROLE_INLINE(10_240);

    private final int sizeLimit;

    Attachment(int sizeLimit) {
        this.sizeLimit = sizeLimit;
    }

    /** IAM's limit in characters, whitespace excluded. */
    public int sizeLimit() {
        return sizeLimit;
    }

    /**
     * A document's size as IAM compares it with {@link #sizeLimit()}: characters without the
     * whitespace between JSON tokens (whitespace inside strings counts).
     */
    public static int countedSize(String document) {
        return dev.iamgate.internal.validate.PolicySizes.withoutWhitespace(document);
    }
}
