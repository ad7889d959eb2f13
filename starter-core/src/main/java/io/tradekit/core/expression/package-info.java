/**
 * SpEL over method arguments, parsed once per method and evaluated safely on every call; needs
 * {@code spring-expression} on the classpath (an optional dependency of tradekit-core).
 */
package io.tradekit.core.expression;
