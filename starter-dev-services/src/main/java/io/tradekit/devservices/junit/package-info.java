/**
 * JUnit 5 support: {@link io.tradekit.devservices.junit.WithDevServices} hands running dev
 * servers to plain (non-Spring) tests.
 */
package io.tradekit.devservices.junit;
