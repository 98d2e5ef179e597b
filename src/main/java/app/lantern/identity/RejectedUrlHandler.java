package app.lantern.identity;

import app.lantern.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers a URL the firewall refuses (a double slash, an encoded dot segment, a semicolon) with a 400 that says so: a
 * problem+json for the API, a plain message for pages. Without it the servlet container's default error body leaked
 * out, in a shape no client of the API expects.
 */
@Component
class RejectedUrlHandler implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        String path = request.getRequestURI();
        if (path != null && path.startsWith("/api/")) {
            Problems.write(
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "rejected-url",
                            "Bad request",
                            "the URL is not in a canonical form: remove doubled slashes, dot segments and semicolons"));
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("400 – 链接格式不正确 / malformed link");
        }
    }
}
