package app.lantern.quote.web;

import app.lantern.quote.QuoteSeal;
import java.io.IOException;
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

/** Finance's page: the queue of signed quotes to stamp, and the company seal image. */
@Controller
@RequestMapping("/quotes")
class QuoteFinanceController {

    private final QuoteSeal seal;

    QuoteFinanceController(QuoteSeal seal) {
        this.seal = seal;
    }

    @GetMapping("/finance")
    String finance(Model model) {
        model.addAttribute("queue", seal.stampQueue());
        model.addAttribute("seal", seal.sealInfo());
        model.addAttribute("cert", seal.certificateInfo());
        return "quote/finance";
    }

    @PostMapping("/finance/seal")
    String uploadSeal(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        byte[] image = file.getBytes();
        return Flash.act("/quotes/finance", redirect, () -> seal.uploadSeal(image), "saved");
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
}
