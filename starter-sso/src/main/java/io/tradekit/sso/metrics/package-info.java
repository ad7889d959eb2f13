/**
 * Micrometer meters of logins and sessions: {@link io.tradekit.sso.metrics.SsoMetrics} (logins by outcome,
 * logouts by reason), counted from Sa-Token's events ({@link io.tradekit.sso.metrics.SsoMetricsListener}),
 * and the number of accounts with a session ({@link io.tradekit.sso.metrics.ActiveSessionsGauge}).
 */
package io.tradekit.sso.metrics;
