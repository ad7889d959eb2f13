/**
 * The Redis dev server: a real {@code redis-server} process on a loopback port.
 */
package io.tradekit.devservices.redis;
