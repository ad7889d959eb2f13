/** The smallest application of the cache: nothing but the starter (and dev-services for its Redis). */
package io.tradekit.cache.plain;
