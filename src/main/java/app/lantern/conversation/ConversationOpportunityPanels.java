package app.lantern.conversation;

import app.lantern.identity.Actor;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityPanels;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The opportunity page's "通话/纪要" panel: the latest call's summary and the way to paste a new one. */
@Component
class ConversationOpportunityPanels implements OpportunityPanels {

    private final Conversations conversations;
    private final MessageSource messages;

    ConversationOpportunityPanels(Conversations conversations, MessageSource messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    @Override
    public List<Panel> panelsFor(OpportunityDetails o, Actor viewer, Locale locale) {
        List<ConversationView> calls = conversations.of(o.id());
        List<String> lines = calls.isEmpty()
                ? List.of(messages.getMessage("conversation.panel.empty", null, locale))
                : List.of(
                        calls.getFirst().callDate() + " · "
                                + messages.getMessage(
                                        "conversation.status."
                                                + calls.getFirst().status(),
                                        null,
                                        locale),
                        calls.getFirst().draft().summary());
        return List.of(new Panel(
                messages.getMessage("conversation.title", null, locale),
                lines,
                messages.getMessage("conversation.panel.open", null, locale),
                "/opportunities/" + o.id() + "/conversations"));
    }
}
