package app.lantern.shared.web;

import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Friendly error pages for the server-rendered UI; details stay in the logs. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletResponse response) {
        response.setStatus(404);
        return new ModelAndView("error/404");
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e, HttpServletResponse response) {
        response.setStatus(403);
        return new ModelAndView("error/403");
    }

    @ExceptionHandler(ValidationException.class)
    ModelAndView invalid(ValidationException e, HttpServletResponse response) {
        response.setStatus(e.status());
        ModelAndView view = new ModelAndView("error/400");
        view.addObject("errors", e.errors());
        return view;
    }
}
