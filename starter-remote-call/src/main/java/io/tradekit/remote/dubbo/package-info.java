/**
 * Dubbo integration of the caller side: {@link io.tradekit.remote.dubbo.RemoteCallDubboFilter}
 * logs every reference call and sends the trace id as an attachment.
 */
package io.tradekit.remote.dubbo;
