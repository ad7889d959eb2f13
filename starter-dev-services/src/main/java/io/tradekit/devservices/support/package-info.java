/**
 * Small helpers shared by the dev servers: free loopback ports and temp directories.
 */
package io.tradekit.devservices.support;
