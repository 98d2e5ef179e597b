package app.lantern.quote;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a feedback tag is called in the reader's language: tags seeded with the product are named in the bundles
 * ({@code quote.feedbackTag.<CODE>}), tags admins add keep the label they were given. Never the message key.
 */
@Component
class FeedbackTagLabels {

    private final MessageSource messages;

    FeedbackTagLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** In the request's language; outside a request (jobs, pushes) in the application's default language. */
    String label(String code, String stored) {
        Locale locale = LocaleContextHolder.getLocaleContext() == null
                ? Locale.SIMPLIFIED_CHINESE
                : LocaleContextHolder.getLocale();
        return messages.getMessage("quote.feedbackTag." + code, null, stored, locale);
    }
}
