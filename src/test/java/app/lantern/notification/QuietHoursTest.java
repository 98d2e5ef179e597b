package app.lantern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

    @Test
    void messageAtNightWaitsUntilMorning() {
        assertThat(night.endOfQuiet(OffsetDateTime.parse("2026-11-27T23:15:00+08:00")))
                .isEqualTo(OffsetDateTime.parse("2026-11-28T08:00:00+08:00"));
        assertThat(night.endOfQuiet(OffsetDateTime.parse("2026-11-28T06:00:00+08:00")))
                .isEqualTo(OffsetDateTime.parse("2026-11-28T08:00:00+08:00"));
    }

    @Test
    void messageDuringTheDayGoesAtOnce() {
        OffsetDateTime noon = OffsetDateTime.parse("2026-11-27T12:00:00+08:00");
        assertThat(night.endOfQuiet(noon)).isEqualTo(noon);
        assertThat(new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30)).endOfQuiet(noon))
                .isEqualTo(OffsetDateTime.parse("2026-11-27T13:30:00+08:00"));
    }
}
