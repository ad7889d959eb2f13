/** Spring helpers the starters share (optional: only with Spring on the classpath). */
package io.tradekit.core.spring;
