/**
 * Servers that go down and come back, for the tests of how an application degrades while a server is
 * away and recovers without a restart.
 */
package io.tradekit.devservices.fault;
