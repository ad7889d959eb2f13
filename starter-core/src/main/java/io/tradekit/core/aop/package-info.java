/** What a Spring AOP proxy can and cannot intercept, for start-up checks of tradekit's annotations. */
package io.tradekit.core.aop;
