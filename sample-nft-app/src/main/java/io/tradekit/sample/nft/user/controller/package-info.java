/** The user context's web entry: {@code /user/**} for buyers and {@code /admin/users/**} for admins. */
package io.tradekit.sample.nft.user.controller;
