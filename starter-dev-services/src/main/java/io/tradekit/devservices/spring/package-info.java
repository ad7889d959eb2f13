/**
 * Spring wiring of the dev servers: {@code tradekit.dev-services.*} properties, started before
 * any bean, addresses put into the environment.
 */
package io.tradekit.devservices.spring;
