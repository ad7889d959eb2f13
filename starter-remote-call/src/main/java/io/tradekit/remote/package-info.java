/**
 * tradekit remote: RemoteCallWrapper, the caller side of every Dubbo call: logging, timing and success checks.
 *
 * <p>Not built yet: this module only reserves its coordinates in the build (issue #3).
 */
package io.tradekit.remote;
