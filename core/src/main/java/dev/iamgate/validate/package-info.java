/**
 * Policy validation: {@link dev.iamgate.validate.PolicyValidator} turns a policy document into a
 * {@link dev.iamgate.validate.ValidationReport} of {@link dev.iamgate.validate.Finding}s, each
 * naming a check of the {@link dev.iamgate.validate.Checks catalogue}, with a severity, a message
 * and the JSON pointer and line:column it is about.
 *
 * <p>The implementations of the checks live in {@code dev.iamgate.internal.validate}, which is
 * not API.
 */
package dev.iamgate.validate;
