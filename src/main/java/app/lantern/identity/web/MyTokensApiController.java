package app.lantern.identity.web;

import app.lantern.identity.SignIn;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API tokens: list them (never the secret) and revoke one. */
@RestController
@RequestMapping("/api/v1/me/tokens")
class MyTokensApiController {

    private final SignIn signIn;

    MyTokensApiController(SignIn signIn) {
        this.signIn = signIn;
    }

    record TokenJson(
            String id,
            String name,
            String createdAt,
            String expiresAt,
            String lastUsedAt,
            String revokedAt,
            boolean active) {}

    @GetMapping
    List<TokenJson> list() {
        return signIn.myTokens().stream()
                .map(t -> new TokenJson(
                        String.valueOf(t.id()),
                        t.name(),
                        t.createdAt().toString(),
                        t.expiresAt().toString(),
                        t.lastUsedAt() == null ? null : t.lastUsedAt().toString(),
                        t.revokedAt() == null ? null : t.revokedAt().toString(),
                        t.active()))
                .toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        signIn.revokeMyToken(id);
    }
}
