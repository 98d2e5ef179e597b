package app.lantern.integration;

import app.lantern.shared.FieldErrors;
import app.lantern.shared.UserRef;
import app.lantern.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for every {@code POST /api/v1/…} of a signed-in caller, in one place instead of in each
 * controller. The first request with a key runs and its answer (status, body, {@code Location}) is kept for 24 hours;
 * the same key with the same request (method, path, query and body) gets that answer again with
 * {@code Idempotent-Replayed: true} and nothing runs twice; the same key with another request is refused with 422; a
 * request whose twin is still running gets 409 (retry later). Server errors (5xx) are not kept, so a retry runs again.
 * Runs after Spring Security's filters, so the caller is known; keys are per caller. Requests with a form or
 * multipart body (imports) are not covered: the header is ignored there.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotencyKeys keys;

    IdempotencyFilter(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String contentType = request.getContentType();
        // form and multipart bodies are parsed by the container from the original stream, which this filter must
        // not consume: only JSON (or empty) bodies are covered
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || (contentType != null
                        && !contentType.toLowerCase(java.util.Locale.ROOT).contains("json"))
                || !path.startsWith("/api/v1/")
                || path.startsWith("/api/v1/auth/")
                || path.startsWith("/api/v1/public/")
                || path.startsWith("/api/v1/inbound/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof UserRef caller)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            Problems.write(
                    response,
                    Problems.validation(
                            400,
                            List.of(new FieldErrors.FieldError(
                                    HEADER, "must be 1 to 200 visible ASCII characters (a UUID is a good key)"))));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);
        switch (keys.begin(caller.userId(), key, hash)) {
            case IdempotencyKeys.Mismatch m ->
                Problems.write(
                        response,
                        Problems.validation(
                                422,
                                List.of(new FieldErrors.FieldError(
                                        HEADER,
                                        "was already used for a different request; use a new key for a new request"))));
            case IdempotencyKeys.InFlight f ->
                Problems.write(
                        response,
                        Problems.of(
                                HttpStatus.CONFLICT,
                                "idempotency-in-flight",
                                "Request in progress",
                                "a request with this Idempotency-Key is still being processed; retry in a moment"));
            case IdempotencyKeys.Replay r -> replay(r, response);
            case IdempotencyKeys.Proceed p -> proceed(p.id(), new CachedBody(request, body), response, chain);
        }
    }

    private void proceed(long id, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            int status = captured.getStatus();
            if (status < 500) {
                keys.complete(
                        id,
                        status,
                        captured.getContentType(),
                        captured.getHeader("Location"),
                        new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
                kept = true;
            }
        } finally {
            if (!kept) {
                keys.release(id);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyKeys.Replay r, HttpServletResponse response) throws IOException {
        response.setStatus(r.status());
        if (r.contentType() != null) {
            response.setContentType(r.contentType());
        }
        if (r.location() != null) {
            response.setHeader("Location", r.location());
        }
        response.setHeader(REPLAYED, "true");
        if (r.body() != null) {
            response.getOutputStream().write(r.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String line = request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once into memory (the body size filter already bounds it). */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the whole body is already in memory: it is available at once and then read to its end
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (java.io.IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }
}
