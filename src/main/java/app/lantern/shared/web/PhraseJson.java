package app.lantern.shared.web;

import app.lantern.shared.Phrase;
import org.springframework.boot.jackson.JacksonComponent;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** The API writes a {@link Phrase} as its text in the caller's language (the UI language switch; Chinese by default). */
@JacksonComponent
class PhraseJson extends ValueSerializer<Phrase> {

    private final MessageSource messages;

    PhraseJson(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void serialize(Phrase phrase, JsonGenerator json, SerializationContext context) {
        json.writeString(messages.getMessage(phrase, LocaleContextHolder.getLocale()));
    }
}
