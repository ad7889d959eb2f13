/** A test application using the cache as the sample app will: its package is the base and allowed package. */
package io.tradekit.cache.sample;
