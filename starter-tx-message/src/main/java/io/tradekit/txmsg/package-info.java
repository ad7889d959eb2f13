/**
 * tradekit txmsg: RocketMQ transactional messages with check-back, retries and dead letters.
 *
 * <p>Not built yet: this module only reserves its coordinates in the build (issue #8).
 */
package io.tradekit.txmsg;
