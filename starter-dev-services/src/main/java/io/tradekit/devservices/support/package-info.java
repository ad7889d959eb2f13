/**
 * Small helpers shared by the dev servers: free loopback ports, temp directories, noticing a dead parent.
 */
package io.tradekit.devservices.support;
