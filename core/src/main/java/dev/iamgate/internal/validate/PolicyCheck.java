package dev.iamgate.internal.validate;

/**
 * One group of related checks over a parsed policy. Each implementation has one concern (Sids,
 * condition keys, policy variables, ...) and reports only the {@link CheckId}s of that concern.
 * Implementations are stateless.
 */
interface PolicyCheck {

    void check(PolicyContext context, Findings findings);
}
