/** REST entries for branch staff: login, submission, actions, pre-review screen, pending list, print. */
package io.tradekit.sample.nft.onboarding.controller;
