/**
 * Buyers: registration by phone, login, real-name authentication and freezing. Other contexts use
 * it through its Dubbo facade ({@code api}) or its {@code application} services.
 */
package io.tradekit.sample.nft.user;
