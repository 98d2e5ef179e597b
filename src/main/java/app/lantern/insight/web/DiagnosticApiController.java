package app.lantern.insight.web;

import app.lantern.insight.Diagnostics;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/diagnostics} runs the five P8 checks over the caller's scope; runs are listed and fetched back. */
@RestController
class DiagnosticApiController {

    private final Diagnostics diagnostics;

    DiagnosticApiController(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @PostMapping("/api/v1/diagnostics")
    @ResponseStatus(HttpStatus.CREATED)
    Diagnostics.Run run() {
        return diagnostics.run(LocaleContextHolder.getLocale());
    }

    @GetMapping("/api/v1/diagnostics")
    List<Diagnostics.Run> history() {
        return diagnostics.history();
    }

    @GetMapping("/api/v1/diagnostics/{id}")
    Diagnostics.Run get(@PathVariable long id) {
        return diagnostics.get(id);
    }
}
