/**
 * The Micrometer timer {@code tradekit.remote}, used when Micrometer is on the classpath; see
 * {@link io.tradekit.remote.micrometer.MicrometerRemoteCallMetrics}.
 */
package io.tradekit.remote.micrometer;
