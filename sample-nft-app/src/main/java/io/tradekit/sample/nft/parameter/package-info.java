/**
 * Parameter management (参数管理): vouchers (凭证) with their elements (要素), each element's data
 * source and validation rule, and business types bound to vouchers. Every change publishes a new,
 * immutable rule-set version per affected business type; readers (the onboarding context) use
 * {@code application} and {@code api} only. Administrators are recognised through
 * {@link io.tradekit.sample.nft.parameter.api.ParameterAdminResolver}, implemented by whoever owns
 * staff identities, so this context depends on no other.
 */
package io.tradekit.sample.nft.parameter;
