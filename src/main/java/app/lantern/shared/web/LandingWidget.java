package app.lantern.shared.web;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A panel on the landing page. Modules contribute widgets as beans; the landing page shows those whose roles
 * include the user's primary role, in ascending order, each rendered from its own template fragment.
 */
public interface LandingWidget {

    /** Role names (REP, MANAGER, EXECUTIVE, FINANCE, ADMIN) whose landing page shows this widget. */
    Set<String> roles();

    int order();

    /** Thymeleaf fragment expression, e.g. {@code "identity/widgets :: team"}; it receives the model as variables. */
    String fragment();

    /** The widget's data for the current user; called only when the widget is shown. */
    Map<String, Object> model();

    /** A widget whose model comes from {@code model}, evaluated per request. */
    static LandingWidget of(Set<String> roles, int order, String fragment, Supplier<Map<String, Object>> model) {
        return new LandingWidget() {
            @Override
            public Set<String> roles() {
                return roles;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public String fragment() {
                return fragment;
            }

            @Override
            public Map<String, Object> model() {
                return model.get();
            }
        };
    }
}
