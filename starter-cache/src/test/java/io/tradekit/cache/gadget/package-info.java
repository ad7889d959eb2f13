/** Classes outside the test application's allow-list. */
package io.tradekit.cache.gadget;
