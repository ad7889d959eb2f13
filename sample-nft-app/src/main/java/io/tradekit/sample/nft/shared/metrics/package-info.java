/**
 * The sample's business meters, shared machinery: {@link io.tradekit.sample.nft.shared.metrics.RefreshedGauge}
 * (a gauge per tag value, refreshed from a query on a schedule, never on the scrape),
 * {@link io.tradekit.sample.nft.shared.metrics.RefusalMeters} (business refusals at the web edge, by code) and
 * {@link io.tradekit.sample.nft.shared.metrics.MetricsProperties} ({@code sample.metrics.*}). Each context
 * registers its own gauges (order, inventory, onboarding: their {@code infrastructure} packages).
 * Exposed as a named interface so every context may use it.
 */
@org.springframework.modulith.NamedInterface("metrics")
package io.tradekit.sample.nft.shared.metrics;
