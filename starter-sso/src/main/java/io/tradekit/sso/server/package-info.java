/**
 * The SSO auth centre (Sa-Token SSO, same-Redis mode): hands a single-use ticket to an exactly
 * allow-listed client URL, and logs a user out of every application at once.
 */
package io.tradekit.sso.server;
