package dev.iamgate.validate;

import java.util.Locale;

/** How much a {@link Finding} matters, most serious first. */
public enum Severity {
    /** IAM (or the service that stores the policy) rejects the document, or it cannot work. */
    ERROR,
    /** The policy grants more than it seems to, or denies less. */
    SECURITY_WARNING,
    /** The policy is accepted but probably does not do what its author meant. */
    WARNING,
    /** The policy works; it could be shorter, clearer or tighter. */
    SUGGESTION;

    /** The lower-case, hyphenated name tools print: {@code error}, {@code security-warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
