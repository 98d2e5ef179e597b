package app.lantern.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.identity.Directory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class ApiContractTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    private final JsonMapper json = JsonMapper.builder().build();

    String token(String username) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"lantern-demo\"}")
                .exchange();
        assertThat(result).hasStatus(201);
        return json.readTree(result.getResponse().getContentAsByteArray())
                .get("token")
                .asString();
    }

    @Test
    void issuesATokenThatIdentifiesTheCallerOnMe() {
        String token = token("manager1");
        MvcTestResult me = mvc.get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + token)
                .exchange();
        assertThat(me).hasStatusOk();
        assertThat(me).bodyJson().extractingPath("$.username").isEqualTo("manager1");
        assertThat(me).bodyJson().extractingPath("$.roles").asArray().containsExactly("MANAGER");
        assertThat(me).bodyJson().extractingPath("$.id").isInstanceOf(String.class);
        assertThat(me).bodyJson().extractingPath("$.teamIds").asArray().hasSize(1);
    }

    @Test
    void refusesWrongPasswordWithProblemJson() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"rep2\",\"password\":\"wrong-password\"}")
                .exchange();
        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().doesNotContain("Exception");
    }

    @Test
    void rejectsRequestsWithoutCredentialsOrWithABadToken() {
        assertThat(mvc.get().uri("/api/v1/me").exchange())
                .hasStatus(401)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get()
                        .uri("/api/v1/me")
                        .header("Authorization", "Bearer lt_forged")
                        .exchange())
                .hasStatus(401);
    }

    @Test
    void answersMalformedJsonUnknownFieldsAndWrongTypesWith400NamingTheField() {
        MvcTestResult malformed = mvc.post()
                .uri("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":")
                .exchange();
        assertThat(malformed).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        MvcTestResult unknown = mvc.post()
                .uri("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"rep1\",\"password\":\"lantern-demo\",\"admin\":true}")
                .exchange();
        assertThat(unknown).hasStatus(400);
        assertThat(unknown).bodyJson().extractingPath("$.errors[0].field").isEqualTo("admin");

        String admin = token("admin");
        MvcTestResult wrongEnum = mvc.post()
                .uri("/api/v1/admin/users")
                .header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"username\":\"x1\",\"displayName\":\"X\",\"password\":\"0123456789ab\",\"roles\":[\"KING\"]}")
                .exchange();
        assertThat(wrongEnum).hasStatus(400);
        assertThat(wrongEnum)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .asString()
                .startsWith("roles");
    }

    @Test
    void refusesOversizeBodiesWith413() {
        String big = "{\"username\":\"" + "a".repeat(1_200_000) + "\",\"password\":\"x\"}";
        MvcTestResult result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content(big)
                .exchange();
        assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void hidesUsersAndTeamsOutsideTheScopeAs404() {
        String rep = token("rep1");
        long otherTeamRep = directory.userByUsername("rep7").orElseThrow().id();
        long ownTeam = directory.userByUsername("rep1").orElseThrow().teamId();
        long otherTeam = directory.userByUsername("rep7").orElseThrow().teamId();
        assertThat(mvc.get()
                        .uri("/api/v1/users/{id}", otherTeamRep)
                        .header("Authorization", "Bearer " + rep)
                        .exchange())
                .hasStatus(404);
        assertThat(mvc.get()
                        .uri("/api/v1/teams/{id}", otherTeam)
                        .header("Authorization", "Bearer " + rep)
                        .exchange())
                .hasStatus(404);
        assertThat(mvc.get()
                        .uri("/api/v1/teams/{id}", ownTeam)
                        .header("Authorization", "Bearer " + rep)
                        .exchange())
                .hasStatusOk();

        String manager = token("manager2");
        assertThat(mvc.get()
                        .uri("/api/v1/users/{id}", otherTeamRep)
                        .header("Authorization", "Bearer " + manager)
                        .exchange())
                .hasStatusOk();
        MvcTestResult list = mvc.get()
                .uri("/api/v1/users?size=200")
                .header("Authorization", "Bearer " + manager)
                .exchange();
        assertThat(list).bodyJson().extractingPath("$.total").isEqualTo(7);
    }

    @Test
    void pagesListsAndRejectsOversizePages() {
        String exec = token("exec");
        MvcTestResult page = mvc.get()
                .uri("/api/v1/users?page=0&size=5&sort=username,desc")
                .header("Authorization", "Bearer " + exec)
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page).bodyJson().extractingPath("$.items").asArray().hasSize(5);
        assertThat(page).bodyJson().extractingPath("$.size").isEqualTo(5);
        MvcTestResult tooBig = mvc.get()
                .uri("/api/v1/users?size=500")
                .header("Authorization", "Bearer " + exec)
                .exchange();
        assertThat(tooBig).hasStatus(400);
        assertThat(tooBig).bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        MvcTestResult badSort = mvc.get()
                .uri("/api/v1/users?sort=password_hash")
                .header("Authorization", "Bearer " + exec)
                .exchange();
        assertThat(badSort).hasStatus(400);
        assertThat(badSort).bodyJson().extractingPath("$.errors[0].field").isEqualTo("sort");
    }

    @Test
    void onlyAdminsManageUsersAndInvalidInputLeavesNoUserBehind() {
        String rep = token("rep1");
        String body =
                "{\"username\":\"newbie\",\"displayName\":\"新人\",\"password\":\"0123456789ab\",\"roles\":[\"REP\"]}";
        assertThat(mvc.post()
                        .uri("/api/v1/admin/users")
                        .header("Authorization", "Bearer " + rep)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .exchange())
                .hasStatus(403);

        String admin = token("admin");
        MvcTestResult invalid = mvc.post()
                .uri("/api/v1/admin/users")
                .header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"username\":\"bad-mail\",\"displayName\":\"坏邮箱\",\"password\":\"0123456789ab\",\"email\":\"not-an-email\",\"roles\":[\"REP\"]}")
                .exchange();
        assertThat(invalid).hasStatus(400);
        assertThat(invalid).bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
        assertThat(directory.userByUsername("bad-mail")).isEmpty();
    }

    @Test
    void storesScriptInTextAsTextAndEscapesItOnPages() {
        String admin = token("admin");
        String name = "<script>alert(1)</script>";
        MvcTestResult created = mvc.post()
                .uri("/api/v1/admin/users")
                .header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of(
                        "username",
                        "xss-user",
                        "displayName",
                        name,
                        "password",
                        "0123456789ab",
                        "roles",
                        java.util.List.of("REP"))))
                .exchange();
        assertThat(created).hasStatus(201);
        assertThat(created).bodyJson().extractingPath("$.displayName").isEqualTo(name);
        assertThat(directory.userByUsername("xss-user"))
                .map(u -> u.displayName())
                .contains(name);
    }
}
