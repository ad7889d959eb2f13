/**
 * The dev servers as a process of their own ({@link io.tradekit.devservices.standalone.DevServersMain}),
 * shared by several application processes on this machine through an address file.
 */
package io.tradekit.devservices.standalone;
