package app.lantern.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.audit.AuditTrail;
import app.lantern.identity.Directory;
import app.lantern.identity.UserAccounts;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class SignInTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    app.lantern.identity.SignIn signIn;

    /** Signs in through the form; the returned session carries the database-backed session cookie. */
    private MvcTestResult login(String username, String password, Session session) {
        return login(username, password, session, "127.0.0.1");
    }

    private MvcTestResult login(String username, String password, Session session, String clientIp) {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(clientIp);
                    return request;
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username)
                .param("password", password)
                .exchange();
        result.getResponse().getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith("LANTERN_SESSION="))
                .map(h -> h.substring("LANTERN_SESSION=".length(), h.indexOf(';')))
                .reduce((a, b) -> b)
                .ifPresent(value -> session.cookie = new Cookie("LANTERN_SESSION", value));
        return result;
    }

    static final class Session {
        Cookie cookie;

        Cookie[] cookies() {
            return cookie == null ? new Cookie[0] : new Cookie[] {cookie};
        }
    }

    @Test
    void managerSignsInAndSeesTheTeamBoardInChinese() {
        Session session = new Session();
        assertThat(login("manager3", "lantern-demo", session))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/");
        MvcTestResult home = mvc.get().uri("/").cookie(session.cookies()).exchange();
        assertThat(home).hasStatusOk();
        assertThat(home).bodyText().contains("团队看板").contains("朱琳").doesNotContain("张伟");
        long managerId = directory.userByUsername("manager3").orElseThrow().id();
        assertThat(audit.history("user", managerId)).anyMatch(e -> e.action().equals("login.succeeded"));
    }

    @Test
    void switchesToEnglishOnRequest() {
        Session session = new Session();
        login("exec", "lantern-demo", session);
        MvcTestResult home =
                mvc.get().uri("/?lang=en").cookie(session.cookies()).exchange();
        assertThat(home).bodyText().contains("Business overview");
    }

    @Test
    void wrongPasswordReturnsToTheLoginPageAndIsAudited() {
        assertThat(login("rep4", "not-the-password", new Session(), "10.40.0.1"))
                .hasRedirectedUrl("/login?error");
        assertThat(audit.history("user", "rep4")).anyMatch(e -> e.action().equals("login.failed"));
    }

    private String newRep(String prefix) {
        String username = prefix + System.nanoTime() % 100_000;
        accounts.create(new UserAccounts.NewUser(
                username,
                "被限流的人",
                "right-password-1",
                null,
                null,
                null,
                java.util.Set.of(app.lantern.identity.Role.REP)));
        return username;
    }

    @Test
    void throttlesAnAccountFromTheGuessingAddressEvenWithTheRightPassword() {
        String username = newRep("throttled-");
        for (int i = 0; i < 10; i++) {
            login(username, "guess-" + i, new Session(), "10.20.0.1");
        }
        assertThat(login(username, "right-password-1", new Session(), "10.20.0.1"))
                .hasRedirectedUrl("/login?throttled");
    }

    @Test
    void aColleagueGuessingAPasswordDoesNotLockTheOwnerOut() {
        String username = newRep("victim-");
        for (int i = 0; i < 10; i++) {
            login(username, "guess-" + i, new Session(), "10.22.0.1");
        }
        assertThat(login(username, "right-password-1", new Session(), "10.22.0.2"))
                .hasRedirectedUrl("/");
    }

    @Test
    void guessingOneAccountFromManyAddressesRunsOutOfItsBudget() {
        String username = newRep("spread-");
        for (int i = 0; i < 60; i++) {
            login(username, "guess-" + i, new Session(), "10.23.0." + (i + 1));
        }
        assertThat(login(username, "right-password-1", new Session(), "10.23.1.1"))
                .hasRedirectedUrl("/login?throttled");
    }

    @Test
    void thirtyConcurrentWrongPasswordsGetAtMostFivePasswordChecks() throws Exception {
        String username = newRep("race-");
        var start = new java.util.concurrent.CountDownLatch(1);
        var refusals = new java.util.concurrent.ConcurrentLinkedQueue<app.lantern.identity.SignIn.Refusal>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(30)) {
            for (int i = 0; i < 30; i++) {
                int n = i;
                pool.submit(() -> {
                    start.await();
                    try {
                        signIn.issueToken(username, "wrong-" + n, "10.24.0.1", "race");
                    } catch (app.lantern.identity.SignIn.SignInRefused e) {
                        refusals.add(e.reason());
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(refusals).hasSize(30);
        assertThat(refusals.stream().filter(r -> r == app.lantern.identity.SignIn.Refusal.BAD_CREDENTIALS))
                .hasSize(5);
        assertThat(audit.history("user", username).stream()
                        .filter(e -> e.action().equals("login.failed")))
                .hasSize(5);
    }

    @Test
    void throttlesAnAddressThatGuessesAcrossManyUsers() {
        for (int i = 0; i < 25; i++) {
            login("nobody-" + i, "guess", new Session(), "10.30.0.1");
        }
        assertThat(login("rep12", "lantern-demo", new Session(), "10.30.0.1")).hasRedirectedUrl("/login?throttled");
        assertThat(login("rep12", "lantern-demo", new Session(), "10.30.0.2")).hasRedirectedUrl("/");
    }

    @Test
    void formPostsWithoutCsrfTokenAreRefused() {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", "rep6")
                .param("password", "lantern-demo")
                .exchange();
        assertThat(result).hasStatus(403);
    }

    @Test
    void pagesCarrySecurityHeaders() {
        MvcTestResult page = mvc.get().uri("/login").exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .headers()
                .containsHeader("Content-Security-Policy")
                .hasValue("X-Frame-Options", "DENY")
                .hasValue("X-Content-Type-Options", "nosniff");
        assertThat(page.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        assertThat(mvc.get().uri("/").exchange()).hasStatus3xxRedirection();
    }

    @Test
    void repsCannotOpenAdminPages() {
        Session session = new Session();
        login("rep8", "lantern-demo", session);
        assertThat(mvc.get().uri("/admin/users").cookie(session.cookies()).exchange())
                .hasStatus(403);
    }

    @Test
    void adminCreatesAUserWhoCanThenSignIn() {
        Session admin = new Session();
        login("admin", "lantern-demo", admin);
        long team = directory.userByUsername("rep1").orElseThrow().teamId();
        MvcTestResult created = mvc.post()
                .uri("/admin/users")
                .cookie(admin.cookies())
                .with(csrf())
                .param("username", "newrep")
                .param("displayName", "新同事")
                .param("password", "welcome-2026")
                .param("teamId", String.valueOf(team))
                .param("roles", "REP")
                .exchange();
        assertThat(created).hasRedirectedUrl("/admin/users");
        assertThat(login("newrep", "welcome-2026", new Session())).hasRedirectedUrl("/");
        MvcTestResult page =
                mvc.get().uri("/admin/users").cookie(admin.cookies()).exchange();
        assertThat(page).bodyText().contains("新同事");
    }

    @Test
    void adminFormShowsFieldErrorsAndKeepsTheInput() {
        Session admin = new Session();
        login("admin", "lantern-demo", admin);
        MvcTestResult result = mvc.post()
                .uri("/admin/users")
                .cookie(admin.cookies())
                .with(csrf())
                .param("username", "Bad Name")
                .param("displayName", "<b>粗体</b>")
                .param("password", "short")
                .param("roles", "REP")
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("username").contains("password").contains("&lt;b&gt;粗体&lt;/b&gt;");
        assertThat(directory.userByUsername("Bad Name")).isEmpty();
    }

    @Test
    void deactivationEndsSessionsAndTokensAtOnce() throws Exception {
        Session session = new Session();
        String username = "leaver-" + System.nanoTime() % 100_000;
        long id = accounts.create(new UserAccounts.NewUser(
                username,
                "离职的人",
                "right-password-1",
                null,
                null,
                null,
                java.util.Set.of(app.lantern.identity.Role.REP)));
        MvcTestResult loggedIn = login(username, "right-password-1", session);
        assertThat(loggedIn).hasRedirectedUrl("/");
        Cookie cookie = session.cookie;
        assertThat(cookie).isNotNull();
        assertThat(mvc.get().uri("/api/v1/me").cookie(cookie).exchange()).hasStatusOk();
        MvcTestResult tokenResult = mvc.post()
                .uri("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"right-password-1\"}")
                .exchange();
        String token = tokenResult.getResponse().getContentAsString().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(mvc.get()
                        .uri("/api/v1/me")
                        .header("Authorization", "Bearer " + token)
                        .exchange())
                .hasStatusOk();

        accounts.deactivate(id);

        assertThat(mvc.get()
                        .uri("/api/v1/me")
                        .header("Authorization", "Bearer " + token)
                        .exchange())
                .hasStatus(401);
        assertThat(mvc.get().uri("/api/v1/me").cookie(cookie).exchange()).hasStatus(401);
        assertThat(login(username, "right-password-1", new Session())).hasRedirectedUrl("/login?disabled");
    }

    @Test
    void aWrongPasswordForADeactivatedAccountFailsLikeAnyWrongPassword() {
        String username = "gone-" + System.nanoTime() % 100_000;
        long id = accounts.create(new UserAccounts.NewUser(
                username,
                "已离职",
                "right-password-1",
                null,
                null,
                null,
                java.util.Set.of(app.lantern.identity.Role.REP)));
        accounts.deactivate(id);

        assertThat(login(username, "a-wrong-guess", new Session(), "10.41.0.1")).hasRedirectedUrl("/login?error");
        MvcTestResult api = mvc.post()
                .uri("/api/v1/auth/tokens")
                .with(request -> {
                    request.setRemoteAddr("10.41.0.2");
                    return request;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"a-wrong-guess\"}")
                .exchange();
        MvcTestResult unknown = mvc.post()
                .uri("/api/v1/auth/tokens")
                .with(request -> {
                    request.setRemoteAddr("10.41.0.3");
                    return request;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"rep3\",\"password\":\"a-wrong-guess\"}")
                .exchange();
        assertThat(api).hasStatus(unknown.getResponse().getStatus());
        assertThat(api.getResponse().getContentAsByteArray())
                .isEqualTo(unknown.getResponse().getContentAsByteArray());
    }
}
