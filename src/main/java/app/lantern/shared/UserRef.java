package app.lantern.shared;

/**
 * The signed-in user as the lowest modules see them (audit, logs): the security principal implements this, so that
 * modules below identity can name the actor without depending on it.
 */
public interface UserRef {

    long userId();

    String username();
}
