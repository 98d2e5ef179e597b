package app.lantern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** A path nobody serves: problem+json under /api, the friendly 404 page elsewhere. */
@ControllerAdvice
class NoSuchPathAdvice {

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView noSuchPath(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            Problems.write(response, Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such resource"));
            return new ModelAndView();
        }
        response.setStatus(404);
        return new ModelAndView("error/404");
    }
}
