package app.lantern.shared;

/** The caller may see the record but not do this to it (e.g. a rep approving a quote). Answered 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
