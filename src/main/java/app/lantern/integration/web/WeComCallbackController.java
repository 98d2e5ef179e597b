package app.lantern.integration.web;

import app.lantern.integration.WeComCallbacks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeCom's callback URL (set it in the WeCom admin console as {@code https://<lantern>/integrations/wecom/callback}):
 * GET answers the URL verification with the decrypted echostr, POST takes an event and answers {@code success} at
 * once (the work happens in the background). Anything that fails a check gets a bare 403.
 */
@RestController
@RequestMapping(value = "/integrations/wecom/callback", produces = MediaType.TEXT_PLAIN_VALUE)
class WeComCallbackController {

    private final WeComCallbacks callbacks;

    WeComCallbackController(WeComCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @GetMapping
    String verify(
            @RequestParam(name = "msg_signature", required = false) String signature,
            @RequestParam(required = false) String timestamp,
            @RequestParam(required = false) String nonce,
            @RequestParam(required = false) String echostr) {
        return callbacks.verifyUrl(signature, timestamp, nonce, echostr);
    }

    @PostMapping
    String receive(
            @RequestParam(name = "msg_signature", required = false) String signature,
            @RequestParam(required = false) String timestamp,
            @RequestParam(required = false) String nonce,
            @RequestBody(required = false) String body) {
        callbacks.receive(signature, timestamp, nonce, body);
        return "success";
    }

    @ExceptionHandler(WeComCallbacks.Rejected.class)
    ResponseEntity<String> refused() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_PLAIN)
                .body("refused");
    }
}
