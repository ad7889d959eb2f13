/**
 * Lets Spring Boot Actuator's {@code when-authorized} settings see the SSO session's roles:
 * {@link io.tradekit.sample.nft.shared.web.actuator.SessionRolesForActuatorFilter}.
 */
package io.tradekit.sample.nft.shared.web.actuator;
