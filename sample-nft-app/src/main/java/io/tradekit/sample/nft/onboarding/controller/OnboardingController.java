package io.tradekit.sample.nft.onboarding.controller;

import io.tradekit.core.response.PageResponse;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.onboarding.api.SubmitApplicationRequest;
import io.tradekit.sample.nft.onboarding.api.SubmitResultDTO;
import io.tradekit.sample.nft.onboarding.application.ApplicationActionService;
import io.tradekit.sample.nft.onboarding.application.ApplicationView;
import io.tradekit.sample.nft.onboarding.application.DossierPrintService;
import io.tradekit.sample.nft.onboarding.application.DueDiligenceCommand;
import io.tradekit.sample.nft.onboarding.application.DueDiligenceService;
import io.tradekit.sample.nft.onboarding.application.DueDiligenceView;
import io.tradekit.sample.nft.onboarding.application.OnboardingQueryService;
import io.tradekit.sample.nft.onboarding.application.PendingItemView;
import io.tradekit.sample.nft.onboarding.application.SubmitApplicationService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The branch officer's screens: submit, the pre-review screen, state-machine actions, due diligence
 * (checklist and record), the branch pending list and the one-click print. Who may do what is decided
 * in the application layer.
 */
@RestController
@RequestMapping("/onboarding")
class OnboardingController {

    private final SubmitApplicationService submit;
    private final ApplicationActionService actions;
    private final OnboardingQueryService queries;
    private final DossierPrintService print;
    private final DueDiligenceService dueDiligence;

    OnboardingController(SubmitApplicationService submit, ApplicationActionService actions,
                         OnboardingQueryService queries, DossierPrintService print,
                         DueDiligenceService dueDiligence) {
        this.submit = submit;
        this.actions = actions;
        this.queries = queries;
        this.print = print;
        this.dueDiligence = dueDiligence;
    }

    @PostMapping("/applications")
    SingleResponse<SubmitResultDTO> submit(@Valid @RequestBody SubmitApplicationRequest request) {
        return SingleResponse.of(submit.submitByOfficer(request));
    }

    @GetMapping("/applications/{id}")
    SingleResponse<ApplicationView> detail(@PathVariable long id) {
        return SingleResponse.of(queries.detail(id));
    }

    /** {@code action}: PRE_REVIEW, APPROVE, COMPLETE_DUE_DILIGENCE, REJECT, RETURN_FOR_CORRECTION, RESUBMIT. */
    @PostMapping("/applications/{id}/actions/{action}")
    SingleResponse<ApplicationView> act(@PathVariable long id, @PathVariable String action,
                                        @Valid @RequestBody(required = false) ActionRequest request) {
        return SingleResponse.of(actions.perform(id, action, request == null ? null : request.comment()));
    }

    /** The due-diligence checklist (from the pre-review's rule set) and the latest record. */
    @GetMapping("/applications/{id}/due-diligence")
    SingleResponse<DueDiligenceView> dueDiligence(@PathVariable long id) {
        return SingleResponse.of(dueDiligence.view(id));
    }

    /** Records the officer's due diligence; {@code COMPLETE_DUE_DILIGENCE} needs one concluded PASS. */
    @PostMapping("/applications/{id}/due-diligence")
    SingleResponse<DueDiligenceView> recordDueDiligence(@PathVariable long id,
                                                        @Valid @RequestBody DueDiligenceRequest request) {
        return SingleResponse.of(dueDiligence.record(id, new DueDiligenceCommand(request.items().stream()
                .map(i -> new DueDiligenceCommand.Item(i.code(), i.result(), i.note())).toList(),
                request.findings(), request.conclusion())));
    }

    @PostMapping("/applications/{id}/print")
    ResponseEntity<byte[]> print(@PathVariable long id) {
        return pdf(id, print.print(id));
    }

    @GetMapping("/applications/{id}/dossier")
    ResponseEntity<byte[]> dossier(@PathVariable long id) {
        return pdf(id, print.download(id));
    }

    @GetMapping("/pending")
    PageResponse<PendingItemView> pending(@RequestParam(required = false) String status,
                                          @RequestParam(required = false) String keyword,
                                          @RequestParam(defaultValue = "1") int page,
                                          @RequestParam(defaultValue = "20") int size) {
        return queries.pending(status, keyword, page, size);
    }

    private static ResponseEntity<byte[]> pdf(long id, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("dossier-" + id + ".pdf").build().toString())
                .body(body);
    }

    /** An officer's due diligence: an answer per checklist item, findings and a conclusion. */
    record DueDiligenceRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid ItemRequest> items,
                               @NotBlank @Size(max = 2000) String findings,
                               @NotNull @Pattern(regexp = "PASS|FAIL|NEEDS_MORE") String conclusion) {
    }

    /** The answer to one checklist item. */
    record ItemRequest(@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}") String code,
                       @NotNull @Pattern(regexp = "CONFIRMED|DISCREPANCY|NOT_APPLICABLE") String result,
                       @Size(max = 500) String note) {
    }

    /** An officer's comment on an action. */
    record ActionRequest(@Size(max = 500) String comment) {
    }
}
