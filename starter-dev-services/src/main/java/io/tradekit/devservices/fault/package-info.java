/**
 * Faults for tests: {@link io.tradekit.devservices.fault.FaultProxy}, a TCP proxy on 127.0.0.1 between a
 * client and a real server that adds latency, swallows traffic (blackhole), cuts every connection, or holds a
 * connection from a marked request on, and heals again; and servers that go down and come back, for the tests
 * of how an application degrades while a server is away and recovers without a restart.
 * {@link io.tradekit.devservices.fault.Latencies} gives such a test's reported percentiles one definition.
 */
package io.tradekit.devservices.fault;
