/**
 * The servlet side: the route interceptor built on Sa-Token's {@code SaInterceptor}, the JSON
 * {@code BaseResponse} answers for 401/403 and firewall rejections.
 */
package io.tradekit.sso.web;
