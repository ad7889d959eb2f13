/**
 * Network faults for tests: {@link io.tradekit.devservices.fault.FaultProxy}, a TCP proxy on 127.0.0.1 between a
 * client and a real server that adds latency, swallows traffic (blackhole), cuts every connection, or holds a
 * connection from a marked request on, and heals again.
 */
package io.tradekit.devservices.fault;
