package app.lantern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class DataScopesTest {

    @Autowired
    DataScopes scopes;

    @Autowired
    Directory directory;

    private Actor actor(String username) {
        UserSummary u = directory.userByUsername(username).orElseThrow();
        return new Actor(u.id(), u.username(), u.displayName(), u.roles(), u.teamId());
    }

    @Test
    void repSeesOnlyOwnRecords() {
        Actor rep = actor("rep1");
        DataScope scope = scopes.of(rep, RecordKind.CUSTOMER);
        assertThat(scope.isEverything()).isFalse();
        assertThat(scope.ownerIds()).containsExactly(rep.userId());
    }

    @Test
    void managerSeesOwnTeamButNotOtherTeams() {
        DataScope scope = scopes.of(actor("manager1"), RecordKind.OPPORTUNITY);
        for (int i = 1; i <= 6; i++) {
            assertThat(scope.covers(actor("rep" + i).userId())).as("rep" + i).isTrue();
        }
        assertThat(scope.covers(actor("rep7").userId())).isFalse();
        assertThat(scope.covers(actor("manager2").userId())).isFalse();
    }

    @Test
    void executiveSeesEverythingAndFinanceSeesAllQuotesOnly() {
        assertThat(scopes.of(actor("exec"), RecordKind.CUSTOMER).isEverything()).isTrue();
        Actor finance = actor("finance");
        assertThat(scopes.of(finance, RecordKind.QUOTE).isEverything()).isTrue();
        assertThat(scopes.of(finance, RecordKind.CUSTOMER).covers(actor("rep1").userId()))
                .isFalse();
    }

    @Test
    void directManagerIsTheTeamLeaderAndTheManagersManagerIsTheExecutive() {
        assertThat(directory.directManagerOf(actor("rep3").userId()))
                .map(UserSummary::username)
                .contains("manager1");
        assertThat(directory.directManagerOf(actor("manager2").userId()))
                .map(UserSummary::username)
                .contains("exec");
    }
}
