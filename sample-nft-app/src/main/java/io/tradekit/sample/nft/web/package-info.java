/**
 * The web pages for buyers, admins and branch officers: server-rendered Thymeleaf shells whose scripts
 * call the same JSON API that curl and Swagger use, with the login held in the HttpOnly SameSite cookie.
 * A context of its own so that no business context depends on pages; it reads others only through
 * their published {@code application} packages.
 */
package io.tradekit.sample.nft.web;
