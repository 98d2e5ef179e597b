package app.lantern.customer.web;

import app.lantern.customer.CustomerImports;
import app.lantern.customer.ImportJob;
import app.lantern.customer.ImportMappingStep;
import app.lantern.shared.ValidationException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import pages: upload (choosing the kind), mapping with preview and, for deals, stage mapping, live progress (htmx
 * polling), result and error report.
 */
@Controller
@RequestMapping("/customers/imports")
class ImportPageController {

    private final CustomerImports imports;
    private final ImportMappingStep mappingStep;

    ImportPageController(CustomerImports imports, ImportMappingStep mappingStep) {
        this.imports = imports;
        this.mappingStep = mappingStep;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("jobs", imports.mine());
        model.addAttribute("policies", CustomerImports.POLICIES);
        model.addAttribute("kinds", mappingStep.kinds());
        return "customer/imports";
    }

    @PostMapping
    String upload(
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String duplicatePolicy,
            @RequestParam(required = false) String kind,
            Model model)
            throws IOException {
        try {
            return mapping(
                    imports.upload(file.getOriginalFilename(), file.getBytes(), encoding, duplicatePolicy, kind),
                    model);
        } catch (ValidationException e) {
            model.addAttribute("error", e.errors().getFirst().message());
            return page(model);
        }
    }

    private String mapping(ImportJob job, Model model) {
        model.addAttribute("job", job);
        model.addAttribute("fields", mappingStep.fields(job.kind()));
        model.addAttribute("stageValues", mappingStep.stageValues(Long.parseLong(job.id())));
        model.addAttribute("stages", mappingStep.stageChoices(job.kind()));
        model.addAttribute("policies", CustomerImports.POLICIES);
        model.addAttribute("owners", imports.assignableOwners());
        return "customer/import-mapping";
    }

    @PostMapping("/{id}/start")
    String start(
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            @RequestParam(required = false) String duplicatePolicy,
            @RequestParam(required = false) String defaultOwner,
            Model model) {
        Map<String, String> mapping = new LinkedHashMap<>();
        Map<String, String> stages = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("col-") && v != null && !v.isBlank()) {
                mapping.put(k.substring(4), v);
            }
            if (k.startsWith("stageValue-") && params.get("stageId-" + k.substring(11)) != null) {
                stages.put(v, params.get("stageId-" + k.substring(11)));
            }
        });
        try {
            imports.start(id, mapping, duplicatePolicy, defaultOwner, stages);
        } catch (ValidationException e) {
            model.addAttribute("error", e.errors().getFirst().message());
            return mapping(imports.get(id), model);
        }
        return "redirect:/customers/imports/" + id;
    }

    @GetMapping("/{id}")
    String status(
            @PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("job", imports.get(id));
        return htmx != null ? "customer/import-status :: progress" : "customer/import-status";
    }

    @GetMapping("/{id}/errors.csv")
    ResponseEntity<byte[]> errors(@PathVariable long id) {
        return ImportApiController.errorReport(imports, id);
    }
}
