package app.lantern.shared.web;

import java.io.IOException;

/** Raised while reading an API body that exceeds the configured limit; answered 413. */
public final class BodyTooLarge extends IOException {

    BodyTooLarge() {
        super("request body too large");
    }
}
