package app.lantern.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.audit.SecurityEvent;
import app.lantern.audit.SecurityEventKind;
import app.lantern.audit.SecurityEvents;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.shared.PageQuery;
import app.lantern.testing.WebSession;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Item 4 and H11: refused attempts become aggregated security events that admins see and that cannot flood. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityEventsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    SecurityEvents events;

    @Autowired
    PipelineFixtures fx;

    @Autowired
    MeterRegistry meters;

    private List<SecurityEvent> recent(SecurityEventKind kind) {
        return events.recent(kind, PageQuery.of(0, 200, null, Set.of("lastAt"), "lastAt"))
                .items();
    }

    private double counted(SecurityEventKind kind) {
        var counter =
                meters.find("lantern.security.events").tag("kind", kind.name()).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aRepAskingForAnotherTeamsCustomerGetsA404AndLeavesAnEvent() {
        long customer = fx.customer("rep13");
        double before = counted(SecurityEventKind.SCOPE_DENIED);

        assertThat(mvc.get()
                        .uri("/api/v1/customers/" + customer)
                        .header("Authorization", WebSession.token(mvc, "rep2"))
                        .exchange())
                .hasStatus(404);

        assertThat(recent(SecurityEventKind.SCOPE_DENIED))
                .anyMatch(e -> e.actor().equals("rep2") && e.lastDetail().equals("customer " + customer));
        assertThat(counted(SecurityEventKind.SCOPE_DENIED)).isEqualTo(before + 1);
    }

    @Test
    void aFormPostWithoutCsrfTokenLeavesAnEventWithItsAddress() {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .with(request -> {
                    request.setRemoteAddr("10.77.0.9");
                    return request;
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", "rep6")
                .param("password", "lantern-demo")
                .exchange();
        assertThat(result).hasStatus(403);
        assertThat(recent(SecurityEventKind.CSRF_REJECTED))
                .anyMatch(e -> e.source().equals("10.77.0.9") && e.lastDetail().equals("POST /login"));
    }

    @Test
    void throttledSignInsAreOneRowWithACount() {
        String address = "10.78.0.1";
        for (int i = 0; i < 12; i++) {
            mvc.post()
                    .uri("/login")
                    .with(csrf())
                    .with(request -> {
                        request.setRemoteAddr(address);
                        return request;
                    })
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("username", "rep17")
                    .param("password", "wrong-" + i)
                    .exchange();
        }
        assertThat(recent(SecurityEventKind.LOGIN_THROTTLED))
                .filteredOn(e -> e.source().equals(address))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("rep17");
                    assertThat(e.occurrences()).isEqualTo(7);
                });
    }

    @Test
    void aFloodOfProbesIsAggregatedNotWrittenRowByRow() {
        for (int i = 0; i < 5_000; i++) {
            events.record(SecurityEventKind.WEBHOOK_REJECTED, null, "203.0.113.50", "bad signature " + i);
        }
        assertThat(recent(SecurityEventKind.WEBHOOK_REJECTED))
                .filteredOn(e -> e.source().equals("203.0.113.50"))
                .extracting(SecurityEvent::occurrences)
                .containsExactly(5_000L);
    }

    @Test
    void manyDistinctSourcesInOneMinuteShareAnOverflowRow() {
        // more than twice the per-minute limit, so that one minute overflows even if the clock turns a minute meanwhile
        for (int i = 0; i < 2_100; i++) {
            events.record(SecurityEventKind.INBOUND_THROTTLED, null, "198.51." + (i / 250) + "." + (i % 250), "stamp");
        }
        List<SecurityEvent> rows = events.recent(
                        SecurityEventKind.INBOUND_THROTTLED, PageQuery.of(0, 200, null, Set.of("lastAt"), "lastAt"))
                .items();
        assertThat(rows).anyMatch(e -> e.source().equals("*") && e.actor().equals("*"));
        assertThat(events.recent(
                                SecurityEventKind.INBOUND_THROTTLED,
                                PageQuery.of(0, 1, null, Set.of("lastAt"), "lastAt"))
                        .total())
                .isLessThanOrEqualTo(2 * 1_001);
    }

    @Test
    void adminsSeeTheEventsInChineseAndEnglish() {
        events.record(SecurityEventKind.SCOPE_DENIED, "rep9", "10.79.0.1", "customer 4242");
        var admin = WebSession.login(mvc, "admin");
        MvcTestResult zh = mvc.get().uri("/admin/security-events").cookie(admin).exchange();
        assertThat(zh).hasStatusOk();
        assertThat(zh).bodyText().contains("安全事件").contains("越权访问").contains("customer 4242");
        MvcTestResult en = mvc.get()
                .uri("/admin/security-events?kind=SCOPE_DENIED&lang=en")
                .cookie(admin)
                .exchange();
        assertThat(en).bodyText().contains("Security events").contains("Access outside scope");
        assertThat(mvc.get()
                        .uri("/admin/security-events")
                        .cookie(WebSession.login(mvc, "rep9"))
                        .exchange())
                .hasStatus(403);
    }
}
