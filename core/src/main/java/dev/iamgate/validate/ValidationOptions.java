package dev.iamgate.validate;

import java.util.Objects;

/**
 * What the validator needs to know about a document besides its text.
 *
 * @param kind what the policy is for; decides required and forbidden elements and limits
 * @param attachment how an identity policy is stored; must be {@link Attachment#MANAGED} for every
 *     other kind
 */
public record ValidationOptions(PolicyKind kind, Attachment attachment) {

    /** A managed identity-based policy, the most common case. */
    public static final ValidationOptions DEFAULT =
            new ValidationOptions(PolicyKind.IDENTITY, Attachment.MANAGED);

    public ValidationOptions {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attachment, "attachment");
        if (kind != PolicyKind.IDENTITY && attachment != Attachment.MANAGED) {
            throw new IllegalArgumentException(
                    "only identity policies can be inline, not a " + kind + " policy");
        }
    }

    /** A policy of the given kind, managed if it is an identity policy. */
    public static ValidationOptions of(PolicyKind kind) {
        return new ValidationOptions(kind, Attachment.MANAGED);
    }

    /** An identity policy stored the given way. */
    public static ValidationOptions identity(Attachment attachment) {
        return new ValidationOptions(PolicyKind.IDENTITY, attachment);
    }
}
