package app.lantern.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert board from the database's grouped counts: totals over everything open, not over the rows shown. */
class AlertBoardTest {

    private final List<AlertBoard.Count> counts = List.of(
            new AlertBoard.Count(1, "张伟", "STAGE_STALE", 3, 1),
            new AlertBoard.Count(1, "张伟", "HEALTH_LOW", 2, 0),
            new AlertBoard.Count(2, "王芳", "HEALTH_LOW", 5, 5));

    @Test
    void countsEveryOpenAlertPerRuleAndRepThoughNoRowIsShown() {
        AlertBoard board = AlertBoard.of(List.of(), counts, "HEALTH_LOW", null);

        assertThat(board.total()).isEqualTo(10);
        assertThat(board.high()).isEqualTo(6);
        assertThat(board.matching()).isEqualTo(7);
        assertThat(board.capped()).isTrue();
        assertThat(board.byRule())
                .containsExactly(java.util.Map.entry("HEALTH_LOW", 7), java.util.Map.entry("STAGE_STALE", 3));
        assertThat(board.byRep()).extracting(AlertBoard.RepRow::repName).containsExactly("王芳", "张伟");
        assertThat(board.byRep().get(1).total()).isEqualTo(5);
        assertThat(board.byRep().get(1).byRule()).containsEntry("STAGE_STALE", 3);
    }

    @Test
    void matchingNarrowsToTheChosenRepAndRule() {
        assertThat(AlertBoard.of(List.of(), counts, "HEALTH_LOW", 1L).matching())
                .isEqualTo(2);
        assertThat(AlertBoard.of(List.of(), counts, null, 1L).matching()).isEqualTo(5);
        assertThat(AlertBoard.of(List.of(), counts, null, null).filtered()).isFalse();
    }
}
