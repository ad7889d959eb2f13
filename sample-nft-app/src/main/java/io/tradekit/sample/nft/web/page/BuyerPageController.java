package io.tradekit.sample.nft.web.page;

import io.tradekit.sample.nft.collection.application.CollectionQueryService;
import io.tradekit.sample.nft.collection.application.CollectionView;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The buyers' pages. The home page is rendered from the collection reads (Thymeleaf escapes every name);
 * the others are shells whose scripts read the buyer's own data from the JSON API with the login cookie.
 */
@Controller
class BuyerPageController {

    /** Collections shown on the home page (the newest first). */
    static final int HOME_SIZE = 50;
    private static final String ON_SALE = "ON_SALE";

    private final CollectionQueryService collections;

    BuyerPageController(CollectionQueryService collections) {
        this.collections = collections;
    }

    @GetMapping("/")
    String home(Model model) {
        List<CollectionView> open = collections.list(1, HOME_SIZE).stream()
                .filter(collection -> ON_SALE.equals(collection.state())).toList();
        model.addAttribute("collections", open);
        return "buyer/home";
    }

    @GetMapping("/web/register")
    String register() {
        return "buyer/register";
    }

    @GetMapping("/web/login")
    String login() {
        return "buyer/login";
    }

    @GetMapping("/web/auth")
    String realName() {
        return "buyer/auth";
    }

    @GetMapping("/web/orders")
    String orders() {
        return "buyer/orders";
    }

    @GetMapping("/web/nfts")
    String nfts() {
        return "buyer/nfts";
    }
}
