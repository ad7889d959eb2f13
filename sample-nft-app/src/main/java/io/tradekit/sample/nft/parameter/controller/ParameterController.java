package io.tradekit.sample.nft.parameter.controller;

import io.tradekit.core.response.MultiResponse;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.parameter.api.RuleSetDTO;
import io.tradekit.sample.nft.parameter.application.BusinessTypeCommand;
import io.tradekit.sample.nft.parameter.application.ElementCommand;
import io.tradekit.sample.nft.parameter.application.ParameterAdminService;
import io.tradekit.sample.nft.parameter.application.BusinessTypeView;
import io.tradekit.sample.nft.parameter.application.ElementView;
import io.tradekit.sample.nft.parameter.application.VoucherView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CRUD of vouchers, elements and business types for administrators; every change publishes a version. */
@RestController
@RequestMapping("/parameter")
class ParameterController {

    private final ParameterAdminService service;

    ParameterController(ParameterAdminService service) {
        this.service = service;
    }

    @GetMapping("/vouchers")
    MultiResponse<VoucherView> vouchers() {
        return MultiResponse.of(service.vouchers());
    }

    @PostMapping("/vouchers")
    SingleResponse<VoucherView> createVoucher(@Valid @RequestBody VoucherRequest request) {
        return SingleResponse.of(service.createVoucher(request.code(), request.name()));
    }

    @GetMapping("/vouchers/{code}/elements")
    MultiResponse<ElementView> elements(@PathVariable String code) {
        return MultiResponse.of(service.elements(code));
    }

    @PostMapping("/vouchers/{code}/elements")
    SingleResponse<ElementView> addElement(@PathVariable String code, @Valid @RequestBody ElementCommand command) {
        return SingleResponse.of(service.addElement(code, command));
    }

    @PutMapping("/elements/{id}")
    SingleResponse<ElementView> updateElement(@PathVariable long id, @Valid @RequestBody ElementCommand command) {
        return SingleResponse.of(service.updateElement(id, command));
    }

    @DeleteMapping("/elements/{id}")
    SingleResponse<Void> deleteElement(@PathVariable long id) {
        service.deleteElement(id);
        return SingleResponse.of(null);
    }

    @GetMapping("/business-types")
    MultiResponse<BusinessTypeView> businessTypes() {
        return MultiResponse.of(service.businessTypes());
    }

    @PutMapping("/business-types")
    SingleResponse<RuleSetDTO> saveBusinessType(@Valid @RequestBody BusinessTypeCommand command) {
        return SingleResponse.of(service.saveBusinessType(command));
    }

    @GetMapping("/business-types/{code}/rule-set")
    SingleResponse<RuleSetDTO> ruleSet(@PathVariable String code, @RequestParam(required = false) Integer version) {
        return SingleResponse.of(service.ruleSet(code, version));
    }

    /** A new voucher. */
    record VoucherRequest(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name) {
    }
}
