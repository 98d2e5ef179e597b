package app.lantern.identity.web;

import app.lantern.identity.SignIn;
import app.lantern.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/tokens")
class TokenApiController {

    private final SignIn signIn;

    TokenApiController(SignIn signIn) {
        this.signIn = signIn;
    }

    record TokenRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 128) String password,
            @Size(max = 100) String name) {}

    record TokenResponse(String token, String expiresAt) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        SignIn.IssuedToken issued =
                signIn.issueToken(request.username(), request.password(), http.getRemoteAddr(), request.name());
        return new TokenResponse(issued.token(), issued.expiresAt().toString());
    }

    @ExceptionHandler(SignIn.SignInRefused.class)
    ResponseEntity<ProblemDetail> refused(SignIn.SignInRefused e) {
        return switch (e.reason()) {
            case THROTTLED ->
                Problems.response(Problems.of(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "throttled",
                        "Too many attempts",
                        "too many failed sign-ins; wait a few minutes and try again"));
            case DEACTIVATED ->
                Problems.response(Problems.of(
                        HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "this account is deactivated"));
            case BAD_CREDENTIALS ->
                Problems.response(Problems.of(
                        HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "wrong username or password"));
        };
    }
}
