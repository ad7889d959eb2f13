/**
 * Internal collaborators of the template and the consumers: scene registry, JSON codec, the
 * scene-dispatching transaction listener and metrics. Public only so auto-configuration can wire them.
 */
package io.tradekit.txmsg.support;
