package app.lantern.quote.web;

import app.lantern.identity.Role;
import app.lantern.pipeline.BudgetRange;
import app.lantern.quote.Catalog;
import app.lantern.quote.FinanceWebhooks;
import app.lantern.quote.QuoteFeedback;
import app.lantern.quote.QuoteSeal;
import app.lantern.quote.QuoteSigning;
import app.lantern.quote.Quotes;
import app.lantern.shared.ValidationException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's quote settings: finance webhooks, feedback tags, discount limits, talking points and the signing certificate. */
@Controller
@RequestMapping("/quotes")
class QuoteSettingsController {

    private final Catalog catalog;
    private final QuoteSigning signing;
    private final QuoteSeal seal;
    private final Quotes quotes;
    private final QuoteFeedback feedback;
    private final FinanceWebhooks webhooks;

    QuoteSettingsController(
            Catalog catalog,
            QuoteSigning signing,
            QuoteSeal seal,
            Quotes quotes,
            QuoteFeedback feedback,
            FinanceWebhooks webhooks) {
        this.catalog = catalog;
        this.signing = signing;
        this.seal = seal;
        this.quotes = quotes;
        this.feedback = feedback;
        this.webhooks = webhooks;
    }

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
        return saved(redirect, () -> webhooks.setActive(id, active));
    }

    @PostMapping("/settings/tags")
    String addTag(
            @RequestParam String code,
            @RequestParam String label,
            @RequestParam(defaultValue = "false") boolean accepted,
            RedirectAttributes redirect) {
        return saved(redirect, () -> feedback.addFeedbackTag(code, label, accepted));
    }

    @PostMapping("/settings/limits")
    String limit(@RequestParam Role role, @RequestParam BigDecimal maxDiscount, RedirectAttributes redirect) {
        return saved(redirect, () -> catalog.setDiscountLimit(role, maxDiscount));
    }

    @PostMapping("/settings/talking-points")
    String talkingPoints(
            @RequestParam BudgetRange budgetRange,
            @RequestParam(required = false) String points,
            RedirectAttributes redirect) {
        List<String> lines = points == null ? List.of() : Arrays.asList(points.split("\\R"));
        return saved(redirect, () -> feedback.setTalkingPoints(budgetRange, lines));
    }

    @PostMapping("/settings/certificate")
    String certificate(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        byte[] certificate = file.getBytes();
        return saved(redirect, () -> seal.uploadCertificate(certificate));
    }

    private static String saved(RedirectAttributes redirect, Runnable change) {
        return Flash.act("/quotes/settings", redirect, change, "saved");
    }
}
