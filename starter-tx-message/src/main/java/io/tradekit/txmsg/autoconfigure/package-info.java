/** Auto-configuration and {@code tradekit.txmsg.*} properties of the transactional message starter. */
package io.tradekit.txmsg.autoconfigure;
