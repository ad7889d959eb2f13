/**
 * tradekit facade: the @Facade provider aspect: validation, error codes, masked logging and timing around Dubbo providers.
 *
 * <p>Not built yet: this module only reserves its coordinates in the build (issue #3).
 */
package io.tradekit.facade;
