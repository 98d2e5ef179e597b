package app.lantern.identity.web;

import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in (for the navbar and role-dependent parts). */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final CurrentActor currentActor;

    CurrentUserAdvice(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @ModelAttribute("currentUser")
    Actor currentUser() {
        return currentActor.current().orElse(null);
    }
}
