/**
 * The provider side of every Dubbo call: {@link io.tradekit.facade.Facade} marks a method (or all
 * public methods of a type) whose arguments are validated, whose exceptions become error codes
 * in the declared {@link io.tradekit.core.response.BaseResponse}, and whose calls are logged and
 * timed; see {@link io.tradekit.facade.aop.FacadeInterceptor}.
 */
package io.tradekit.facade;
