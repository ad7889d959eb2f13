/**
 * Micrometer meters {@code tradekit.cache.*} for every JetCache cache, tagged by cache name.
 */
package io.tradekit.cache.metrics;
