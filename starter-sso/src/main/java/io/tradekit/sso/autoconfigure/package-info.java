/**
 * Spring Boot auto-configuration of the SSO starter: {@link io.tradekit.sso.autoconfigure.SsoAutoConfiguration}
 * and {@link io.tradekit.sso.autoconfigure.SsoProperties} ({@code tradekit.sso.*}).
 */
package io.tradekit.sso.autoconfigure;
