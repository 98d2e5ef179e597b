package app.lantern.quote.web;

import app.lantern.quote.QuoteSigning;
import app.lantern.shared.ConflictException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer's signing page (no login; the unguessable token is the credential; CSRF protects the form). */
@Controller
@RequestMapping("/public/quotes/{token}")
class QuotePublicController {

    private final QuoteSigning signing;

    QuotePublicController(QuoteSigning signing) {
        this.signing = signing;
    }

    @GetMapping
    String view(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("p", signing.publicView(token));
        model.addAttribute("token", token);
        return "quote/public";
    }

    @GetMapping("/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String token) {
        return QuoteSigningApiController.pdfResponse(signing.publicPdf(token));
    }

    @PostMapping("/sign")
    String sign(
            @PathVariable String token,
            @RequestParam(required = false) String signerName,
            @RequestParam(required = false) String signature,
            @RequestParam(defaultValue = "false") boolean consent,
            @RequestParam(required = false) String documentSha256,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response) {
        try {
            signing.sign(
                    token,
                    new QuoteSigning.SignRequest(signerName, signature, consent, documentSha256),
                    request.getRemoteAddr(),
                    request.getHeader("User-Agent"));
        } catch (ValidationException e) {
            response.setStatus(e.status());
            model.addAttribute("errors", e.errors());
            model.addAttribute("signerName", signerName);
            return view(token, model, response);
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("refusal", e.getMessage());
            return view(token, model, response);
        }
        return "redirect:/public/quotes/" + token + "?signed";
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(404);
        return "quote/public-missing";
    }
}
