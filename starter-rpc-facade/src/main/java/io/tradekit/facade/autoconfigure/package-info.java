/**
 * Spring Boot auto-configuration of {@link io.tradekit.facade.Facade}:
 * {@link io.tradekit.facade.autoconfigure.FacadeAutoConfiguration} bound to
 * {@link io.tradekit.facade.autoconfigure.FacadeProperties} ({@code tradekit.facade.*}).
 */
package io.tradekit.facade.autoconfigure;
