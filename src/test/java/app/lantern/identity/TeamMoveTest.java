package app.lantern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** H4: a user moved to another team must not keep acting with the old team's scope. */
@SpringBootTest
@AutoConfigureMockMvc
class TeamMoveTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Directory directory;

    @Autowired
    PrincipalLoader principals;

    @Autowired
    CurrentActor currentActor;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long newRepIn(String colleague) {
        long team = directory.userByUsername(colleague).orElseThrow().teamId();
        return accounts.create(new UserAccounts.NewUser(
                "mover-" + System.nanoTime() % 1_000_000,
                "调岗的人",
                "right-password-1",
                null,
                null,
                team,
                Set.of(Role.REP)));
    }

    @Test
    void movingAUserEndsTheirSessions() {
        long id = newRepIn("rep1");
        String username = directory.user(id).orElseThrow().username();
        Cookie session = WebSession.login(mvc, username, "right-password-1");
        assertThat(mvc.get().uri("/api/v1/me").cookie(session).exchange()).hasStatusOk();

        long otherTeam = directory.userByUsername("rep7").orElseThrow().teamId();
        assertThat(mvc.put()
                        .uri("/api/v1/admin/users/" + id + "/team")
                        .header("Authorization", WebSession.token(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\":\"" + otherTeam + "\"}")
                        .exchange())
                .hasStatusOk();

        assertThat(mvc.get().uri("/api/v1/me").cookie(session).exchange()).hasStatus(401);
    }

    @Test
    void scopeChecksReadTheTeamTheUserIsInNowNotTheOneTheySignedInWith() {
        long id = newRepIn("rep1");
        LanternPrincipal signedIn = principals.byId(id).orElseThrow();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities()));
        long otherTeam = directory.userByUsername("rep7").orElseThrow().teamId();

        accounts.moveToTeam(id, otherTeam);

        assertThat(currentActor.require().teamId()).isEqualTo(otherTeam);
    }

    @Test
    void aDeactivatedUserActsForNobodyEvenWithAPrincipalInHand() {
        long id = newRepIn("rep1");
        LanternPrincipal signedIn = principals.byId(id).orElseThrow();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities()));

        accounts.deactivate(id);

        assertThat(currentActor.current()).isEmpty();
    }
}
