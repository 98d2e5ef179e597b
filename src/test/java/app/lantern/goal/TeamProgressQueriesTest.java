package app.lantern.goal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The team roll-up reads each kind of data once for all reps in scope, and gives each rep what its own progress says. */
@SpringBootTest
class TeamProgressQueriesTest {

    @Autowired
    TeamProgress rollups;

    @Autowired
    RepProgress progress;

    @Autowired
    UserDetailsService users;

    @Autowired
    Statements statements;

    @Autowired
    Clock clock;

    @TestConfiguration
    static class Counting {
        @Bean
        Statements statements() {
            return new Statements();
        }

        @Bean
        ExecuteListenerProvider countingStatements(Statements statements) {
            return new DefaultExecuteListenerProvider(statements);
        }
    }

    /** Counts the SQL statements run by the current thread. */
    static class Statements implements ExecuteListener {
        private final ThreadLocal<int[]> count = ThreadLocal.withInitial(() -> new int[1]);

        @Override
        public void executeStart(ExecuteContext ctx) {
            count.get()[0]++;
        }

        int takeCount() {
            int n = count.get()[0];
            count.get()[0] = 0;
            return n;
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void rollingUpEveryRepCostsNoMoreStatementsThanOneTeamAndMatchesEachRepsOwnProgress() {
        YearMonth month = YearMonth.now(clock);
        signIn("manager1");
        statements.takeCount();
        TeamProgress.Rollup team = rollups.of(month);
        int teamStatements = statements.takeCount();
        signIn("exec");
        TeamProgress.Rollup everybody = rollups.of(month);
        int everybodyStatements = statements.takeCount();

        List<TeamProgress.RepRow> teamReps =
                team.teams().stream().flatMap(t -> t.reps().stream()).toList();
        List<TeamProgress.RepRow> allReps =
                everybody.teams().stream().flatMap(t -> t.reps().stream()).toList();
        assertThat(allReps).hasSizeGreaterThan(2 * teamReps.size());
        assertThat(teamStatements).as("statements are counted").isPositive();
        System.out.printf(
                "roll-up statements: %d reps %d, %d reps %d%n",
                teamReps.size(), teamStatements, allReps.size(), everybodyStatements);
        assertThat(everybodyStatements)
                .as("statements for %d reps vs %d reps", allReps.size(), teamReps.size())
                .isLessThanOrEqualTo(teamStatements);
        LocalDate today = LocalDate.now(clock);
        for (TeamProgress.RepRow row : allReps) {
            assertThat(row.progress())
                    .isEqualTo(progress.unscoped(row.progress().repId(), month, today));
        }
    }

    private void signIn(String username) {
        var p = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }
}
