package app.lantern.conversation;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.customer.ContactRef;
import app.lantern.shared.FieldErrors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Offline extraction of a Chinese call transcript or note (no model, no network): HanLP words and organisation names,
 * rules, a naive Bayes classifier trained on the module's labelled examples, and the application's working calendar.
 */
@Service
@EnableConfigurationProperties(ConversationProperties.class)
public class ConversationExtraction {

    /** Longest transcript accepted (about an hour of speech). */
    public static final int MAX_TRANSCRIPT = 20_000;

    private final TranscriptExtractor extractor;

    ConversationExtraction(WorkingCalendar calendar, ConversationProperties properties) {
        this.extractor = new TranscriptExtractor(
                calendar, NaiveBayes.fromResource("conversation/objection-examples.tsv"), properties.competitors());
    }

    /** Validates the input (400 naming {@code transcript} or {@code callDate}) and extracts. */
    public Extraction extract(String transcript, String callDate, List<ContactRef> contacts) {
        LocalDate date = validate(transcript, callDate);
        List<TranscriptExtractor.KnownContact> known = contacts.stream()
                .filter(ContactRef::active)
                .map(c -> new TranscriptExtractor.KnownContact(c.id(), c.name(), c.title()))
                .toList();
        return extractor.extract(transcript, date, known);
    }

    static LocalDate validate(String transcript, String callDate) {
        FieldErrors e = new FieldErrors();
        e.addIf(transcript == null || transcript.isBlank(), "transcript", "must not be empty");
        e.addIf(
                transcript != null && transcript.length() > MAX_TRANSCRIPT,
                "transcript",
                "at most " + MAX_TRANSCRIPT + " characters");
        LocalDate date = null;
        try {
            date = callDate == null ? null : LocalDate.parse(callDate.strip());
        } catch (DateTimeParseException ex) {
            date = null;
        }
        e.addIf(date == null, "callDate", "must be a date like 2026-10-09");
        e.addIf(
                date != null && (date.getYear() < 2000 || date.getYear() > 2100),
                "callDate",
                "must be a plausible date");
        e.throwIfAny();
        return date;
    }
}
