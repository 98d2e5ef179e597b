package app.lantern.notification.web;

import app.lantern.identity.CurrentActor;
import app.lantern.notification.Notifications;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count for the bell in the navbar of every page. */
@ControllerAdvice(annotations = Controller.class)
class BellAdvice {

    private final CurrentActor currentActor;
    private final Notifications notifications;

    BellAdvice(CurrentActor currentActor, Notifications notifications) {
        this.currentActor = currentActor;
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Long unreadNotifications() {
        return currentActor
                .current()
                .map(a -> notifications.unreadCount(a.userId()))
                .orElse(null);
    }
}
