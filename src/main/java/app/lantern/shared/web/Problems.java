package app.lantern.shared.web;

import app.lantern.shared.FieldErrors;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem documents the same way for controllers, filters and security entry points. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://lantern.app/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail validation(int status, List<FieldErrors.FieldError> errors) {
        HttpStatus httpStatus = HttpStatus.valueOf(status);
        ProblemDetail problem = of(
                httpStatus,
                status == 422 ? "rule-violated" : "invalid-input",
                status == 422 ? "Rule violated" : "Invalid input",
                errors.stream()
                        .map(err -> err.field() + " " + err.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("invalid input"));
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(err -> Map.of("field", err.field(), "message", err.message()))
                        .toList());
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Writes a problem from a servlet filter or security handler, where no message converter is at hand. */
    public static void write(jakarta.servlet.http.HttpServletResponse response, ProblemDetail problem)
            throws java.io.IOException {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
}
