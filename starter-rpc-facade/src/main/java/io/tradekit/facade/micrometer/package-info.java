/**
 * The Micrometer timer {@code tradekit.facade}, used when Micrometer is on the classpath; see
 * {@link io.tradekit.facade.micrometer.MicrometerFacadeMetrics}.
 */
package io.tradekit.facade.micrometer;
