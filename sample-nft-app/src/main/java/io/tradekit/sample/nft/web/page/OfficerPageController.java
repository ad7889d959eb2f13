package io.tradekit.sample.nft.web.page;

import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/**
 * The branch officers' pages: log in, the branch's pending list (网点待处理), the submission form and an
 * application's page (pre-review, due diligence, print). The onboarding API checks role and branch.
 */
@Controller
class OfficerPageController {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");

    @GetMapping("/web/officer/login")
    String login() {
        return "officer/login";
    }

    @GetMapping("/web/officer")
    String pending() {
        return "officer/pending";
    }

    @GetMapping("/web/officer/new")
    String submit() {
        return "officer/new";
    }

    @GetMapping("/web/officer/applications/{id}")
    String application(@PathVariable("id") String id, Model model) {
        if (!ID.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("applicationId", id);
        return "officer/application";
    }
}
