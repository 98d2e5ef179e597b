package app.lantern.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The times and amounts of Chinese and English exports, read as given; impossible dates are no dates. */
class ImportCellsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }

    @Test
    void timesOfEveryExportShapeAreKeptToTheMinute() {
        assertThat(ImportCells.time("2024-02-29 23:59:59", SHANGHAI)).isEqualTo(at("2024-02-29T23:59:59+08:00"));
        assertThat(ImportCells.time("2024/10/12 09:30", SHANGHAI)).isEqualTo(at("2024-10-12T09:30+08:00"));
        assertThat(ImportCells.time("2024年10月12日 下午3:15", SHANGHAI)).isEqualTo(at("2024-10-12T15:15+08:00"));
        assertThat(ImportCells.time("2024年3月31日", SHANGHAI)).isEqualTo(at("2024-03-31T00:00+08:00"));
        assertThat(ImportCells.time("1/31/2024 9:15 AM", SHANGHAI)).isEqualTo(at("2024-01-31T09:15+08:00"));
        assertThat(ImportCells.time("3/31/2024 11:59 PM", SHANGHAI)).isEqualTo(at("2024-03-31T23:59+08:00"));
        assertThat(ImportCells.time("31/12/2023", SHANGHAI)).isEqualTo(at("2023-12-31T00:00+08:00"));
        assertThat(ImportCells.time("2024-06-30T18:00:00Z", SHANGHAI)).isEqualTo(at("2024-06-30T18:00Z"));
        assertThat(ImportCells.time("2024-10-12T14:30", SHANGHAI)).isEqualTo(at("2024-10-12T14:30+08:00"));
    }

    @Test
    void impossibleDatesAreNoDates() {
        assertThat(ImportCells.time("2024-04-31 12:00", SHANGHAI)).isNull();
        assertThat(ImportCells.time("2023-02-29", SHANGHAI)).isNull();
        assertThat(ImportCells.time("13/45/2024", SHANGHAI)).isNull();
        assertThat(ImportCells.time("下周一", SHANGHAI)).isNull();
    }

    @Test
    void amountsWithCurrencySeparatorsAndWan() {
        assertThat(ImportCells.amount("¥1,200,000.00")).isEqualByComparingTo("1200000");
        assertThat(ImportCells.amount("$ 80,000")).isEqualByComparingTo("80000");
        assertThat(ImportCells.amount("USD 45,500")).isEqualByComparingTo("45500");
        assertThat(ImportCells.amount("12.5万")).isEqualByComparingTo("125000");
        assertThat(ImportCells.amount("twelve")).isNull();
    }
}
