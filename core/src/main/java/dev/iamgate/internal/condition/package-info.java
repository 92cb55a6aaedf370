/**
 * Condition operators compiled once per policy and tested per request.
 *
 * <p>{@link dev.iamgate.internal.condition.CompiledCondition#compile} turns one model
 * {@link dev.iamgate.policy.Condition} (operator + key + values) into a sealed family of final
 * classes, one per operator family. Policy values are parsed at compile time (numbers, dates,
 * CIDRs, base64, booleans, patterns); request values are parsed at test time. Compiled conditions
 * are immutable and safe to share between threads.
 *
 * <p>Not API: the evaluator uses these; applications do not.
 */
package dev.iamgate.internal.condition;
