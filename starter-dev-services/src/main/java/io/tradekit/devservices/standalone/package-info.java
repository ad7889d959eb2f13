/**
 * The dev servers as a process of their own ({@link io.tradekit.devservices.standalone.DevServersMain}),
 * shared by several application processes on this machine through an address file; its RocketMQ name
 * server and brokers are child JVMs ({@link io.tradekit.devservices.standalone.RocketMqServerMain}), and
 * {@link io.tradekit.devservices.standalone.SharedServersProcess} starts the whole as a child of a test.
 */
package io.tradekit.devservices.standalone;
