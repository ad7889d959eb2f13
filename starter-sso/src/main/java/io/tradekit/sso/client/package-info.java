/**
 * The SSO client side (same-Redis mode): sends an anonymous user to the auth centre and turns the
 * ticket it brings back into a local login, redeeming each ticket at most once.
 */
package io.tradekit.sso.client;
