/**
 * tradekit sso: Sa-Token single sign-on, route permissions and Redis sessions.
 *
 * <p>Not built yet: this module only reserves its coordinates in the build (issue #9).
 */
package io.tradekit.sso;
