package app.lantern.alert;

import app.lantern.quote.ApprovalOverdue;
import app.lantern.quote.QuoteExpiringWithoutFeedback;
import app.lantern.quote.QuoteFeedbackRecorded;
import app.lantern.quote.QuoteSent;
import app.lantern.quote.QuoteSigned;
import app.lantern.shared.Phrase;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The quote module's signals become alerts: an approval waiting more than 2 working days, a sent quote expiring without
 * feedback. They clear when the quote moves on (sent after approval, signed, feedback recorded).
 */
@Component
class QuoteListener {

    static final String APPROVAL_OVERDUE = "APPROVAL_OVERDUE";
    static final String QUOTE_EXPIRING = "QUOTE_EXPIRING";

    private final Alerts alerts;

    QuoteListener(Alerts alerts) {
        this.alerts = alerts;
    }

    @ApplicationModuleListener
    void on(ApprovalOverdue e) {
        alerts.raise(new AlertSignal(
                APPROVAL_OVERDUE,
                "quote",
                e.quoteId(),
                e.ownerId(),
                null,
                e.approverRole() == null
                        ? new Phrase(
                                "alert.message.approvalOverdue", String.valueOf(e.quoteId()), e.workingDaysWaiting())
                        : new Phrase(
                                "alert.message.approvalOverdueRole",
                                String.valueOf(e.quoteId()),
                                e.workingDaysWaiting(),
                                e.approverRole()),
                "/alerts/reps/" + e.ownerId()));
    }

    @ApplicationModuleListener
    void on(QuoteExpiringWithoutFeedback e) {
        alerts.raise(new AlertSignal(
                QUOTE_EXPIRING,
                "quote",
                e.quoteId(),
                e.ownerId(),
                null,
                new Phrase("alert.message.quoteExpiring", String.valueOf(e.quoteId()), e.validUntil()),
                "/alerts/reps/" + e.ownerId()));
    }

    @ApplicationModuleListener
    void on(QuoteFeedbackRecorded e) {
        alerts.clear(QUOTE_EXPIRING, "quote", e.quoteId());
    }

    @ApplicationModuleListener
    void on(QuoteSent e) {
        alerts.clear(APPROVAL_OVERDUE, "quote", e.quoteId());
    }

    @ApplicationModuleListener
    void on(QuoteSigned e) {
        alerts.clear(APPROVAL_OVERDUE, "quote", e.quoteId());
        alerts.clear(QUOTE_EXPIRING, "quote", e.quoteId());
    }
}
