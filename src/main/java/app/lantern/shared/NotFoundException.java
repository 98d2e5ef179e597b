package app.lantern.shared;

/**
 * A record does not exist or lies outside the caller's data scope. Both answer 404, so that existence never leaks.
 */
public class NotFoundException extends RuntimeException {

    private final String entity;

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " not found");
        this.entity = entity;
    }

    public static NotFoundException of(String entity, Object id) {
        return new NotFoundException(entity, id);
    }

    public String entity() {
        return entity;
    }
}
