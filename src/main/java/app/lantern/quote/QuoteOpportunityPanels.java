package app.lantern.quote;

import app.lantern.identity.Actor;
import app.lantern.identity.Role;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityPanels;
import app.lantern.shared.PageQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The opportunity page's quote panels (Q3): the demo talking points for the customer's budget range, and the latest
 * quote the viewer may see with its status, or the way to the first one.
 */
@Component
class QuoteOpportunityPanels implements OpportunityPanels {

    private final Quotes quotes;
    private final MessageSource messages;

    QuoteOpportunityPanels(Quotes quotes, MessageSource messages) {
        this.quotes = quotes;
        this.messages = messages;
    }

    @Override
    public List<Panel> panelsFor(OpportunityDetails o, Actor viewer, Locale locale) {
        return List.of(talkingPoints(o, viewer, locale), latestQuote(o, locale));
    }

    private Panel talkingPoints(OpportunityDetails o, Actor viewer, Locale locale) {
        if (o.budgetRange() == null) {
            return new Panel(
                    text("quote.panel.talking", locale),
                    List.of(text("quote.panel.talking.noBudget", locale)),
                    text("quote.panel.setBudget", locale),
                    "/opportunities/" + o.id() + "/edit");
        }
        String title =
                text("quote.panel.talking", locale) + " · " + o.budgetRange().label();
        List<String> points = quotes.talkingPoints(o.budgetRange());
        boolean editor = viewer.has(Role.ADMIN) || viewer.has(Role.MANAGER);
        if (points.isEmpty()) {
            return new Panel(
                    title,
                    List.of(text(editor ? "quote.panel.talking.none.editor" : "quote.panel.talking.none", locale)),
                    editor ? text("quote.panel.configure", locale) : null,
                    editor ? "/quotes/settings" : null);
        }
        return new Panel(
                title,
                points,
                editor ? text("quote.panel.configure", locale) : null,
                editor ? "/quotes/settings" : null);
    }

    private Panel latestQuote(OpportunityDetails o, Locale locale) {
        String title = text("quote.panel.latest", locale);
        var page = quotes.list(
                new Quotes.QuoteFilter(null, null, null, o.id(), null), new PageQuery(0, 1, "createdAt", true));
        if (page.items().isEmpty()) {
            List<String> lines = List.of(
                    text(o.budgetRange() == null ? "quote.panel.latest.noBudget" : "quote.panel.latest.none", locale));
            return o.budgetRange() == null
                    ? new Panel(title, lines, null, null)
                    : new Panel(title, lines, text("quote.new", locale), "/quotes/new?opportunityId=" + o.id());
        }
        QuoteView q = page.items().getFirst();
        List<String> lines = new ArrayList<>();
        lines.add(q.displayNumber() + " · " + text("quote.status." + q.status(), locale));
        lines.add("¥" + QuotePdf.money(q.total()) + " · "
                + messages.getMessage(
                        "quote.panel.validUntil", new Object[] {q.validUntil().toString()}, locale));
        if (q.budgetWarning() != null) {
            lines.add(q.budgetWarning());
        }
        if (q.feedbackLabel() != null) {
            lines.add(messages.getMessage("quote.panel.feedback", new Object[] {q.feedbackLabel()}, locale));
        }
        return new Panel(title, lines, text("quote.panel.open", locale), "/quotes/" + q.id());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
