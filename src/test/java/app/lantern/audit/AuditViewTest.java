package app.lantern.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class AuditViewTest {

    final StaticMessageSource messages = new StaticMessageSource();
    final AuditView view;

    AuditViewTest() {
        messages.addMessage("audit.action.updated", Locale.SIMPLIFIED_CHINESE, "修改");
        messages.addMessage("audit.field.amount", Locale.SIMPLIFIED_CHINESE, "金额");
        view = new AuditView(messages, ZoneId.of("Asia/Shanghai"), List.of());
    }

    static AuditEntry entry(String action, String changes) {
        return new AuditEntry(
                1,
                OffsetDateTime.of(2026, 11, 27, 1, 2, 3, 0, ZoneOffset.UTC),
                5L,
                "rep1",
                "10.0.0.1",
                null,
                null,
                "deal",
                "9",
                action,
                changes);
    }

    @Test
    void updateShowsEachFieldBeforeAndAfterWithItsLabel() {
        var rows = view.changes(
                entry(
                        "updated",
                        "{\"amount\":{\"before\":100,\"after\":200},\"note\":{\"before\":null,\"after\":\"新\"}}"),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(rows)
                .containsExactly(
                        new AuditView.FieldChange("amount", "金额", "100", "200"),
                        new AuditView.FieldChange("note", "note", null, "新"));
    }

    @Test
    void deletedEntryShowsTheValuesThatWereRemoved() {
        var rows = view.changes(entry("deleted", "{\"name\":\"万科\"}"), Locale.SIMPLIFIED_CHINESE);
        assertThat(rows).containsExactly(new AuditView.FieldChange("name", "name", "万科", null));
    }

    @Test
    void listsAreShownAsWordsNotJson() {
        assertThat(view.changes(entry("created", "{\"roles\":[\"REP\",\"MANAGER\"]}"), Locale.SIMPLIFIED_CHINESE))
                .extracting(AuditView.FieldChange::after)
                .containsExactly("REP、MANAGER");
    }

    @Test
    void timeIsShownInTheBusinessZone() {
        assertThat(view.time(entry("created", "{}").occurredAt())).isEqualTo("2026-11-27 09:02:03");
    }

    @Test
    void unknownActionFallsBackToItsCodeAndKnownOneIsTranslated() {
        assertThat(view.actionLabel("updated", Locale.SIMPLIFIED_CHINESE)).isEqualTo("修改");
        assertThat(view.actionLabel("quote.signed", Locale.SIMPLIFIED_CHINESE)).isEqualTo("quote.signed");
    }

    @Test
    void textThatIsNotJsonIsShownAsIs() {
        assertThat(view.changes(entry("created", "not json"), Locale.ENGLISH))
                .extracting(AuditView.FieldChange::after)
                .containsExactly("not json");
    }
}
