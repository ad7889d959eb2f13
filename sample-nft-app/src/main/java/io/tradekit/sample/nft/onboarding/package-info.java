/**
 * Corporate-account onboarding (对公开户): branch staff work applications through pre-review, due
 * diligence and one-click print; the rules come from the {@code parameter} context's published rule
 * sets (through its {@code application} interface). Other contexts submit through the Dubbo
 * {@code api}. It also owns branch staff and implements parameter management's admin check.
 */
package io.tradekit.sample.nft.onboarding;
