package app.lantern.pipeline;

import app.lantern.identity.Actor;
import java.util.List;
import java.util.Locale;

/**
 * SPI for panels that higher modules add to the opportunity page (the quote module shows the demo talking points for
 * the budget range and the latest quote). Called only after the viewer was allowed to see the opportunity; every
 * bean's panels are shown in bean order.
 */
public interface OpportunityPanels {

    /** The panels for this opportunity as the viewer may see them, texts in the given locale; empty for none. */
    List<Panel> panelsFor(OpportunityDetails opportunity, Actor viewer, Locale locale);

    /**
     * One panel: a title, plain-text lines (escaped when shown) and an optional link.
     *
     * @param linkText null for no link
     * @param linkHref an application path such as {@code /quotes/12}; null for no link
     */
    record Panel(String title, List<String> lines, String linkText, String linkHref) {

        public Panel {
            lines = List.copyOf(lines);
        }
    }
}
