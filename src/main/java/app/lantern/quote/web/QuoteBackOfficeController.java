package app.lantern.quote.web;

import app.lantern.identity.Role;
import app.lantern.pipeline.BudgetRange;
import app.lantern.quote.Catalog;
import app.lantern.quote.FinanceWebhooks;
import app.lantern.quote.Product;
import app.lantern.quote.QuoteFeedback;
import app.lantern.quote.QuoteHealthReport;
import app.lantern.quote.QuoteSeal;
import app.lantern.quote.QuoteSigning;
import app.lantern.quote.Quotes;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Catalog, finance seal queue, weekly report and admin settings pages. */
@Controller
@RequestMapping("/quotes")
class QuoteBackOfficeController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Catalog catalog;
    private final QuoteSigning signing;
    private final QuoteSeal seal;
    private final QuoteHealthReport report;
    private final Quotes quotes;
    private final QuoteFeedback feedback;
    private final FinanceWebhooks webhooks;
    private final Clock clock;
    private final MessageSource messages;

    QuoteBackOfficeController(
            Catalog catalog,
            QuoteSigning signing,
            QuoteSeal seal,
            QuoteHealthReport report,
            Quotes quotes,
            QuoteFeedback feedback,
            FinanceWebhooks webhooks,
            Clock clock,
            MessageSource messages) {
        this.catalog = catalog;
        this.signing = signing;
        this.seal = seal;
        this.report = report;
        this.quotes = quotes;
        this.feedback = feedback;
        this.webhooks = webhooks;
        this.clock = clock;
        this.messages = messages;
    }

    // ---- catalog

    @GetMapping("/catalog")
    String catalog(@RequestParam(required = false) String productLine, Model model) {
        model.addAttribute("products", catalog.products(productLine, null, true));
        model.addAttribute("productLines", catalog.productLines());
        model.addAttribute("productLine", productLine);
        model.addAttribute("canSeeCost", catalog.canSeeCost());
        model.addAttribute("canEdit", catalog.canEdit());
        model.addAttribute("priceBooks", catalog.priceBooks());
        model.addAttribute("limits", catalog.discountLimits());
        model.addAttribute("kinds", Product.ProductKind.values());
        return "quote/catalog";
    }

    @PostMapping("/catalog")
    String addProduct(
            @RequestParam String sku,
            @RequestParam String name,
            @RequestParam Product.ProductKind kind,
            @RequestParam String unit,
            @RequestParam BigDecimal listPrice,
            @RequestParam BigDecimal cost,
            @RequestParam BigDecimal taxRate,
            @RequestParam String productLine,
            @RequestParam(required = false) String description,
            @RequestParam(name = "itemId", required = false) List<Long> itemIds,
            Model model,
            RedirectAttributes redirect) {
        List<Catalog.NewBundleItem> items = new ArrayList<>();
        if (itemIds != null) {
            itemIds.forEach(id -> items.add(new Catalog.NewBundleItem(id, BigDecimal.ONE)));
        }
        try {
            catalog.create(new Catalog.NewProduct(
                    sku, name, kind, unit, listPrice, cost, taxRate, productLine, description, items));
            redirect.addFlashAttribute("message", "saved");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", Flash.reason(e));
        }
        return "redirect:/quotes/catalog";
    }

    // ---- finance

    @GetMapping("/finance")
    String finance(Model model) {
        model.addAttribute("queue", seal.stampQueue());
        model.addAttribute("seal", seal.sealInfo());
        model.addAttribute("cert", seal.certificateInfo());
        return "quote/finance";
    }

    @PostMapping("/finance/seal")
    String uploadSeal(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            seal.uploadSeal(file.getBytes());
            redirect.addFlashAttribute("message", "saved");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", Flash.reason(e));
        }
        return "redirect:/quotes/finance";
    }

    @GetMapping("/finance/seal.png")
    ResponseEntity<byte[]> sealImage() {
        return seal.sealImage()
                .map(b -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_PNG)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(b))
                .orElse(ResponseEntity.notFound().build());
    }

    // ---- weekly report

    @GetMapping("/weekly")
    String weekly(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
            @RequestParam(defaultValue = "1") int weeks,
            Model model) {
        QuoteHealthReport.Report r = report.forWeeks(week == null ? LocalDate.now(clock) : week, weeks);
        model.addAttribute("r", r);
        model.addAttribute("week", week == null ? LocalDate.now(clock) : week);
        model.addAttribute("weeks", weeks);
        model.addAttribute("funnelChart", funnelChart(r, LocaleContextHolder.getLocale()));
        model.addAttribute("feedbackChart", feedbackChart(r));
        return "quote/weekly";
    }

    @GetMapping("/weekly.xlsx")
    ResponseEntity<byte[]> weeklyXlsx(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
            @RequestParam(defaultValue = "1") int weeks)
            throws IOException {
        QuoteHealthReport.Report r = report.forWeeks(week == null ? LocalDate.now(clock) : week, weeks);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.writeXlsx(r, out);
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("报价健康度周报-" + r.from() + ".xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(out.toByteArray());
    }

    private String funnelChart(QuoteHealthReport.Report r, Locale locale) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item"));
        option.put(
                "series",
                List.of(Map.of(
                        "type",
                        "funnel",
                        "sort",
                        "none",
                        "left",
                        "10%",
                        "width",
                        "80%",
                        "label",
                        Map.of("formatter", "{b}: {c}"),
                        "data",
                        List.of(
                                Map.of(
                                        "name",
                                        messages.getMessage("quote.weekly.chart.demos", null, locale),
                                        "value",
                                        r.demos()),
                                Map.of(
                                        "name",
                                        messages.getMessage("quote.weekly.chart.sent", null, locale),
                                        "value",
                                        r.quotesSent()),
                                Map.of(
                                        "name",
                                        messages.getMessage("quote.weekly.chart.signed", null, locale),
                                        "value",
                                        r.signed())))));
        return JSON.writeValueAsString(option);
    }

    /** The report's tag labels are already in the reader's language. */
    private String feedbackChart(QuoteHealthReport.Report r) {
        List<Map<String, Object>> data = new ArrayList<>();
        r.tagLabels()
                .forEach((code, label) -> data.add(
                        Map.of("name", label, "value", r.team().feedback().getOrDefault(code, 0))));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("series", List.of(Map.of("type", "pie", "radius", List.of("40%", "70%"), "data", data)));
        return JSON.writeValueAsString(option);
    }

    // ---- admin settings

    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("webhooks", webhooks.webhooks());
        model.addAttribute("deliveries", webhooks.recentDeliveries(20));
        model.addAttribute("tags", quotes.feedbackTags());
        model.addAttribute("limits", catalog.discountLimits());
        model.addAttribute("roles", Role.values());
        Map<BudgetRange, String> points = new LinkedHashMap<>();
        Arrays.stream(BudgetRange.values()).forEach(b -> points.put(b, String.join("\n", quotes.talkingPoints(b))));
        model.addAttribute("talkingPoints", points);
        model.addAttribute("cert", seal.certificateInfo());
        model.addAttribute("publicBaseUrlConfigured", signing.publicBaseUrlConfigured());
        return "quote/settings";
    }

    @PostMapping("/settings/webhooks")
    String addWebhook(@RequestParam String url, RedirectAttributes redirect) {
        try {
            FinanceWebhooks.NewWebhook created = webhooks.addWebhook(url);
            redirect.addFlashAttribute("webhookSecret", created.secret());
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", Flash.reason(e));
        }
        return "redirect:/quotes/settings";
    }

    @PostMapping("/settings/webhooks/active")
    String webhookActive(@RequestParam long id, @RequestParam boolean active, RedirectAttributes redirect) {
        webhooks.setActive(id, active);
        redirect.addFlashAttribute("message", "saved");
        return "redirect:/quotes/settings";
    }

    @PostMapping("/settings/tags")
    String addTag(
            @RequestParam String code,
            @RequestParam String label,
            @RequestParam(defaultValue = "false") boolean accepted,
            RedirectAttributes redirect) {
        try {
            feedback.addFeedbackTag(code, label, accepted);
            redirect.addFlashAttribute("message", "saved");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", Flash.reason(e));
        }
        return "redirect:/quotes/settings";
    }

    @PostMapping("/settings/limits")
    String limit(@RequestParam Role role, @RequestParam BigDecimal maxDiscount, RedirectAttributes redirect) {
        try {
            catalog.setDiscountLimit(role, maxDiscount);
            redirect.addFlashAttribute("message", "saved");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", Flash.reason(e));
        }
        return "redirect:/quotes/settings";
    }

    @PostMapping("/settings/talking-points")
    String talkingPoints(
            @RequestParam BudgetRange budgetRange,
            @RequestParam(required = false) String points,
            RedirectAttributes redirect) {
        try {
            feedback.setTalkingPoints(budgetRange, points == null ? List.of() : Arrays.asList(points.split("\\R")));
            redirect.addFlashAttribute("message", "saved");
        } catch (ValidationException | ForbiddenException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/quotes/settings";
    }

    @PostMapping("/settings/certificate")
    String certificate(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            seal.uploadCertificate(file.getBytes());
            redirect.addFlashAttribute("message", "saved");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", Flash.reason(e));
        }
        return "redirect:/quotes/settings";
    }
}
