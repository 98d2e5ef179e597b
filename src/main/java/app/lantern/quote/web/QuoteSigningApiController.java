package app.lantern.quote.web;

import app.lantern.quote.InboundStampCallbacks;
import app.lantern.quote.QuoteSeal;
import app.lantern.quote.QuoteSigning;
import app.lantern.quote.QuoteView;
import app.lantern.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** From approved to stamped over the API: send with a signing link, the PDF, the finance stamp queue and seal, and the signed callback by which a finance system reports a stamp. */
@RestController
@RequestMapping("/api/v1")
class QuoteSigningApiController {

    private final QuoteSigning signing;
    private final QuoteSeal seal;
    private final InboundStampCallbacks inbound;

    QuoteSigningApiController(QuoteSigning signing, QuoteSeal seal, InboundStampCallbacks inbound) {
        this.signing = signing;
        this.seal = seal;
        this.inbound = inbound;
    }

    @PostMapping("/quotes/{id}/send")
    QuoteSigning.SentQuote send(@PathVariable long id) {
        return signing.send(id);
    }

    @PostMapping("/quotes/{id}/signing-link")
    QuoteSigning.SentQuote renewLink(@PathVariable long id) {
        return signing.renewLink(id);
    }

    @DeleteMapping("/quotes/{id}/signing-link")
    ResponseEntity<Void> revokeLink(@PathVariable long id) {
        signing.revokeLinks(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/quotes/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return pdfResponse(signing.pdf(id));
    }

    static ResponseEntity<byte[]> pdfResponse(QuoteSigning.Document d) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(d.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-SHA256", d.sha256())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(d.content());
    }

    @GetMapping("/quotes/stamp-queue")
    List<QuoteSeal.StampTask> stampQueue() {
        return seal.stampQueue();
    }

    @PostMapping("/quotes/{id}/seal")
    QuoteView seal(@PathVariable long id) {
        return seal.applySeal(id);
    }

    /** Finance systems report a quote stamped; authenticated by the HMAC signature, not a session. */
    @PostMapping(value = "/inbound/quotes/stamped", consumes = MediaType.APPLICATION_JSON_VALUE)
    QuoteView inboundStamped(
            @RequestHeader(value = "X-Lantern-Timestamp", required = false) String timestamp,
            @RequestHeader(value = "X-Lantern-Signature", required = false) String signature,
            @RequestBody byte[] body,
            HttpServletRequest request) {
        return inbound.stampedCallback(
                timestamp, signature, new String(body, StandardCharsets.UTF_8), request.getRemoteAddr());
    }

    @ExceptionHandler(InboundStampCallbacks.InboundRefused.class)
    ResponseEntity<ProblemDetail> refused(InboundStampCallbacks.InboundRefused e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        return Problems.response(Problems.of(
                status,
                switch (status) {
                    case CONFLICT -> "replay";
                    case TOO_MANY_REQUESTS -> "throttled";
                    default -> "unauthorized";
                },
                status.getReasonPhrase(),
                e.getMessage()));
    }
}
