/** Transactional sends of the tx-message starter against plain synchronous sends to the same broker. */
package io.tradekit.benchmarks.txmsg;
