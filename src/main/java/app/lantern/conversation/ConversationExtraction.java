package app.lantern.conversation;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.customer.ContactRef;
import app.lantern.shared.FieldErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
    private final Clock clock;

    ConversationExtraction(WorkingCalendar calendar, ConversationProperties properties, Clock clock) {
        this.clock = clock;
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

    /** The objection categories a short text such as "客户说价格太高" is about (empty when none). */
    public Set<ObjectionCategory> categoriesOf(String text) {
        Set<ObjectionCategory> out = EnumSet.noneOf(ObjectionCategory.class);
        if (text != null && !text.isBlank() && text.length() <= MAX_TRANSCRIPT) {
            extractor
                    .extract(text, LocalDate.now(clock), List.of())
                    .objections()
                    .forEach(o -> out.add(o.category()));
        }
        return out;
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
