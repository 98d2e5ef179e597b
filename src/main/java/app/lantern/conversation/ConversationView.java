package app.lantern.conversation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A stored call or note: the draft extraction and, once confirmed, what the rep accepted onto the deal. */
public record ConversationView(
        long id,
        long opportunityId,
        LocalDate callDate,
        String status,
        String transcript,
        Extraction draft,
        Extraction accepted,
        OffsetDateTime createdAt,
        OffsetDateTime confirmedAt) {

    public boolean confirmed() {
        return CONFIRMED.equals(status);
    }

    static final String DRAFT = "DRAFT";
    static final String CONFIRMED = "CONFIRMED";
}
