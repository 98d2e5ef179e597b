package app.lantern.shared.web;

import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of a REST controller into RFC 9457 problem+json. Messages name fields, never classes, SQL or
 * stack frames; unexpected failures are logged with the request id and answered with a generic 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ProblemDetail> validation(ValidationException e) {
        return Problems.response(Problems.validation(e.status(), e.errors()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.response(
                Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.entity() + " not found"));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        e.properties().forEach(problem::setProperty);
        return Problems.response(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException e) {
        return Problems.response(Problems.of(
                HttpStatus.CONFLICT,
                "stale-version",
                "Conflict",
                "the record was changed by someone else; reload it and apply your change again"));
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
        String detail = e instanceof ForbiddenException ? e.getMessage() : "you are not allowed to do this";
        return Problems.response(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e) {
        List<FieldErrors.FieldError> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(f -> errors.add(new FieldErrors.FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> errors.add(new FieldErrors.FieldError(g.getObjectName(), g.getDefaultMessage())));
        return Problems.response(Problems.validation(400, errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> parameterValidation(HandlerMethodValidationException e) {
        List<FieldErrors.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(r -> r.getResolvableErrors()
                        .forEach(err -> errors.add(new FieldErrors.FieldError(
                                r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return Problems.response(Problems.validation(400, errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof BodyTooLarge) {
            return Problems.response(Problems.of(
                    HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large", "the request body is too large"));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Problems.response(
                    Problems.validation(400, List.of(new FieldErrors.FieldError(path(unknown), "unknown field"))));
        }
        if (cause instanceof InvalidFormatException invalid) {
            String expected = invalid.getTargetType() != null
                            && invalid.getTargetType().isEnum()
                    ? "one of "
                            + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants())
                    : "a value of the right type";
            return Problems.response(Problems.validation(
                    400, List.of(new FieldErrors.FieldError(path(invalid), "must be " + expected))));
        }
        if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            return Problems.response(Problems.validation(
                    400, List.of(new FieldErrors.FieldError(path(json), "has the wrong type or shape"))));
        }
        return Problems.response(Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed-body",
                "Malformed request body",
                "the body is missing or is not valid JSON"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.response(
                Problems.validation(400, List.of(new FieldErrors.FieldError(e.getName(), "has an invalid value"))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return Problems.response(
                Problems.validation(400, List.of(new FieldErrors.FieldError(e.getParameterName(), "is required"))));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return Problems.response(
                Problems.validation(400, List.of(new FieldErrors.FieldError(e.getRequestPartName(), "is required"))));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return Problems.response(Problems.of(
                HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large", "the upload exceeds the size limit"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return Problems.response(Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed-upload",
                "Malformed upload",
                "the multipart body could not be read"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.response(Problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported media type",
                "send " + MediaType.APPLICATION_JSON_VALUE));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.response(Problems.of(
                HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "Method not allowed",
                e.getMethod() + " is not supported here"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return Problems.response(
                Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Internal error",
                        "something went wrong on our side; the request id in the X-Request-Id header identifies it in the logs"));
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
