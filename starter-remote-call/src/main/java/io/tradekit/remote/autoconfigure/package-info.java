/**
 * Spring Boot auto-configuration of the caller side:
 * {@link io.tradekit.remote.autoconfigure.RemoteCallAutoConfiguration} bound to
 * {@link io.tradekit.remote.autoconfigure.RemoteCallProperties} ({@code tradekit.remote-call.*}).
 */
package io.tradekit.remote.autoconfigure;
