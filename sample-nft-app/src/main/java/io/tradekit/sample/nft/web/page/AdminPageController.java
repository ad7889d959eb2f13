package io.tradekit.sample.nft.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's pages: collections (create, open), freezing a user, and the onboarding parameters. Shells
 * only: their scripts call the ADMIN-only API, which decides who may do what.
 */
@Controller
class AdminPageController {

    @GetMapping("/web/admin")
    String collections() {
        return "admin/collections";
    }

    @GetMapping("/web/admin/parameters")
    String parameters() {
        return "admin/parameters";
    }
}
