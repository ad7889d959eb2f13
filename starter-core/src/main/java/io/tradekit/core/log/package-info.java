/**
 * Safe logging of request and response objects: masking of personal data and defence against log
 * forging.
 *
 * <p>Fields are marked with {@link io.tradekit.core.log.Sensitive} and a
 * {@link io.tradekit.core.log.SensitiveType}; {@link io.tradekit.core.log.Masking} holds the
 * masking rules; {@link io.tradekit.core.log.MaskingJsonWriter} renders any object as a bounded,
 * masked, single-line JSON string that never throws; {@link io.tradekit.core.log.LogSanitizer}
 * escapes line breaks in values that are logged outside JSON. The Jackson plumbing behind the
 * writer is package-private on purpose: only its output is a contract.
 */
package io.tradekit.core.log;
