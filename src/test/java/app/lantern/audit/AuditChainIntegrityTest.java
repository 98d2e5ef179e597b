package app.lantern.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.lantern.audit.AuditVerificationResult.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real chain on the real database (H2, or PostgreSQL when LANTERN_TEST_DB_URL is set), tampered with through plain
 * JDBC as someone with database access would. Runs on its own database (H2) or schema (PostgreSQL), because tampering
 * breaks the chain for good and other tests share the default one.
 */
@SpringBootTest(properties = {"lantern.audit.verify-batch-size=3"})
@AutoConfigureMockMvc
class AuditChainIntegrityTest {

    @Autowired
    Clock clock;

    static final String SCHEMA = "audit_isolated";

    @DynamicPropertySource
    static void isolatedDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = System.getenv("LANTERN_TEST_DB_URL");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            try (Connection c = DriverManager.getConnection(
                    url,
                    System.getenv().getOrDefault("LANTERN_TEST_DB_USERNAME", "postgres"),
                    System.getenv().getOrDefault("LANTERN_TEST_DB_PASSWORD", ""))) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                c.createStatement().execute("CREATE SCHEMA " + SCHEMA);
            }
            registry.add(
                    "spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        } else {
            registry.add(
                    "spring.datasource.url",
                    () -> "jdbc:h2:mem:audit-isolated;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                            + "DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        }
    }

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerification verification;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    boolean postgres() throws SQLException {
        try (Connection c = jdbc.getDataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    /** Runs SQL as the table owner would after switching the append-only triggers off (PostgreSQL). */
    void tamper(String sql, Object... args) throws SQLException {
        boolean pg = postgres();
        tx.executeWithoutResult(s -> {
            if (pg) {
                jdbc.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
                jdbc.execute("ALTER TABLE audit_checkpoint DISABLE TRIGGER USER");
                jdbc.execute("ALTER TABLE audit_chain_head DISABLE TRIGGER USER");
            }
            jdbc.update(sql, args);
            if (pg) {
                jdbc.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
                jdbc.execute("ALTER TABLE audit_checkpoint ENABLE TRIGGER USER");
                jdbc.execute("ALTER TABLE audit_chain_head ENABLE TRIGGER USER");
            }
        });
    }

    /** Starts every test from an empty chain with ten entries, each appended in its own transaction. */
    @BeforeEach
    void freshChainOfTen() throws SQLException {
        tamper("DELETE FROM audit_log");
        tamper("DELETE FROM audit_checkpoint");
        tamper("UPDATE audit_chain_head SET last_seq = 0, last_hash = ?, first_seq = 1", AuditChain.GENESIS);
        for (int i = 1; i <= 10; i++) {
            int n = i;
            tx.executeWithoutResult(s ->
                    audit.recorded("deal", "D-" + n, "stage.changed", Map.of("stage", "S" + n, "amount", n * 1000)));
        }
    }

    long idOf(long seq) {
        return jdbc.queryForObject("SELECT id FROM audit_log WHERE seq = ?", Long.class, seq);
    }

    @Test
    void untouchedChainVerifiesIntactAcrossBatches() {
        AuditVerificationResult r = verification.verify();
        assertThat(r.intact()).isTrue();
        assertThat(r.checked()).isEqualTo(10);
        assertThat(r.headSeq()).isEqualTo(10);
        assertThat(r.firstBroken()).isNull();
    }

    @Test
    void batchAppendLargerThanOneInsertKeepsTheChainContiguousAndVerifiable() throws SQLException {
        int facts = JdbcAuditLog.ROWS_PER_INSERT * 2 + 500;
        List<AuditLog.Fact> batch = new ArrayList<>();
        for (int i = 1; i <= facts; i++) {
            batch.add(new AuditLog.Fact("C-" + i, "imported", Map.of("importId", 7, "row", i + 1)));
        }
        tx.executeWithoutResult(s -> {
            audit.recorded("customer.import", 7, "started", Map.of());
            audit.recordedAllBy(null, "customer", batch);
        });
        AuditVerificationResult r = verification.verify();
        assertThat(r.intact()).isTrue();
        assertThat(r.checked()).isEqualTo(10 + 1 + facts);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT seq) FROM audit_log WHERE seq BETWEEN 11 AND ?", Long.class, 11 + facts))
                .isEqualTo(1L + facts);
        assertThat(jdbc.queryForObject(
                        "SELECT entity_id FROM audit_log WHERE seq = ?",
                        String.class,
                        12L + JdbcAuditLog.ROWS_PER_INSERT))
                .isEqualTo("C-" + (JdbcAuditLog.ROWS_PER_INSERT + 1));

        tamper("UPDATE audit_log SET changes = '{\"importId\":8}' WHERE seq = ?", 12L + JdbcAuditLog.ROWS_PER_INSERT);
        AuditVerificationResult tampered = verification.verify();
        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.firstBroken().kind()).isEqualTo(Kind.MODIFIED);
        assertThat(tampered.firstBroken().seq()).isEqualTo(12L + JdbcAuditLog.ROWS_PER_INSERT);
    }

    @Test
    void changedFieldNamesTheFirstModifiedEntry() throws SQLException {
        tamper("UPDATE audit_log SET ip = '203.0.113.9' WHERE seq = 7");
        tamper("UPDATE audit_log SET changes = '{\"stage\":\"S4\",\"amount\":1}' WHERE seq = 4");
        AuditVerificationResult r = verification.verify();
        assertThat(r.intact()).isFalse();
        assertThat(r.firstBroken().kind()).isEqualTo(Kind.MODIFIED);
        assertThat(r.firstBroken().seq()).isEqualTo(4);
        assertThat(r.firstBroken().id()).isEqualTo(Long.toString(idOf(4)));
        assertThat(r.broken()).isEqualTo(2);
        assertThat(r.checked()).isEqualTo(10);
    }

    @Test
    void everyStoredColumnIsProtected() throws SQLException {
        List<String> edits = List.of(
                "occurred_at = occurred_at + INTERVAL '1' SECOND",
                "actor_id = 99",
                "actor_name = 'ghost'",
                "user_agent = 'curl'",
                "request_id = 'forged-request'",
                "entity_type = 'other'",
                "entity_id = 'D-99'",
                "action = 'deleted'");
        for (String edit : edits) {
            freshChainOfTen();
            tamper("UPDATE audit_log SET " + edit + " WHERE seq = 5");
            AuditVerificationResult r = verification.verify();
            assertThat(r.firstBroken()).as(edit).isNotNull();
            assertThat(r.firstBroken().kind()).as(edit).isEqualTo(Kind.MODIFIED);
            assertThat(r.firstBroken().seq()).as(edit).isEqualTo(5);
        }
    }

    @Test
    void deletedMiddleEntryIsNamedAsMissing() throws SQLException {
        tamper("DELETE FROM audit_log WHERE seq = 5");
        AuditVerificationResult r = verification.verify();
        assertThat(r.firstBroken().kind()).isEqualTo(Kind.MISSING);
        assertThat(r.firstBroken().seq()).isEqualTo(5);
        assertThat(r.firstBroken().id()).isNull();
        assertThat(r.checked()).isEqualTo(9);
    }

    @Test
    void forgedEntryWithACorrectHashAppendedOutOfBandIsNamedAsInserted() throws SQLException {
        String prev = jdbc.queryForObject("SELECT hash FROM audit_log WHERE seq = 10", String.class);
        OffsetDateTime at = OffsetDateTime.now(clock);
        AuditChain.Content forged =
                new AuditChain.Content(11, at, null, "system", null, null, null, "deal", "D-1", "deleted", "{}");
        tamper(
                "INSERT INTO audit_log (seq, occurred_at, actor_name, entity_type, entity_id, action, changes, prev_hash, hash) "
                        + "VALUES (11, ?, 'system', 'deal', 'D-1', 'deleted', '{}', ?, ?)",
                AuditChain.normalize(at),
                prev,
                AuditChain.hash(prev, forged));
        AuditVerificationResult r = verification.verify();
        assertThat(r.firstBroken().kind()).isEqualTo(Kind.INSERTED);
        assertThat(r.firstBroken().seq()).isEqualTo(11);
    }

    @Test
    void entryReplacedOutOfBandBreaksTheLinkOfTheNextEntry() throws SQLException {
        String prev = jdbc.queryForObject("SELECT prev_hash FROM audit_log WHERE seq = 6", String.class);
        OffsetDateTime at = OffsetDateTime.now(clock);
        AuditChain.Content forged =
                new AuditChain.Content(6, at, null, "system", null, null, null, "deal", "D-6", "created", "{}");
        tamper("DELETE FROM audit_log WHERE seq = 6");
        tamper(
                "INSERT INTO audit_log (seq, occurred_at, actor_name, entity_type, entity_id, action, changes, prev_hash, hash) "
                        + "VALUES (6, ?, 'system', 'deal', 'D-6', 'created', '{}', ?, ?)",
                AuditChain.normalize(at),
                prev,
                AuditChain.hash(prev, forged));
        AuditVerificationResult r = verification.verify();
        assertThat(r.intact()).isFalse();
        assertThat(r.firstBroken().seq()).isEqualTo(7);
        assertThat(r.firstBroken().kind()).isEqualTo(Kind.LINK_BROKEN);
    }

    @Test
    void tailDeletedAfterACheckpointIsTruncatedEvenWhenTheHeadIsMovedBack() throws SQLException {
        assertThat(checkpoints.checkpoint("manual"))
                .get()
                .extracting(AuditCheckpoint::seq)
                .isEqualTo(10L);
        String hash7 = jdbc.queryForObject("SELECT hash FROM audit_log WHERE seq = 7", String.class);
        tamper("DELETE FROM audit_log WHERE seq > 7");
        tamper("UPDATE audit_chain_head SET last_seq = 7, last_hash = ?", hash7);
        AuditVerificationResult r = verification.verify();
        assertThat(r.firstBroken().kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(r.firstBroken().seq()).isEqualTo(8);
        assertThat(r.lastCheckpointSeq()).isEqualTo(10);
    }

    @Test
    void entriesWrittenBeforeTheChainFormatAreCountedAsLegacyNotAsBroken() throws SQLException {
        tamper("DELETE FROM audit_log");
        tamper(
                "INSERT INTO audit_log (seq, occurred_at, actor_name, entity_type, entity_id, action, changes, prev_hash, hash) "
                        + "VALUES (1, CURRENT_TIMESTAMP, 'system', 'user', '1', 'created', '{}', ?, ?), "
                        + "(2, CURRENT_TIMESTAMP, 'system', 'user', '2', 'created', '{}', ?, ?)",
                AuditChain.GENESIS,
                "a".repeat(64),
                "a".repeat(64),
                "b".repeat(64));
        // as migration V3_1 leaves the head on a database with such rows
        tamper("UPDATE audit_chain_head SET last_seq = 2, last_hash = ?, first_seq = 3", "b".repeat(64));
        for (int i = 0; i < 4; i++) {
            tx.executeWithoutResult(s -> audit.recorded("deal", "L", "stage.changed", Map.of()));
        }
        AuditVerificationResult r = verification.verify();
        assertThat(r.intact()).as("%s", r.firstBroken()).isTrue();
        assertThat(r.legacy()).isEqualTo(2);
        assertThat(r.checked()).isEqualTo(4);
        tamper("UPDATE audit_log SET changes = '{\"x\":1}' WHERE seq = 4");
        assertThat(verification.verify().firstBroken().seq()).isEqualTo(4);
    }

    @Test
    void checkpointIsTakenOnlyWhenTheHeadMoved() {
        AuditCheckpoint first = checkpoints.checkpoint("scheduled").orElseThrow();
        assertThat(checkpoints.checkpoint("scheduled")).contains(first);
        tx.executeWithoutResult(s -> audit.recorded("deal", "D-11", "stage.changed", Map.of()));
        assertThat(checkpoints.checkpoint("scheduled"))
                .get()
                .extracting(AuditCheckpoint::seq)
                .isEqualTo(11L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_checkpoint", Long.class))
                .isEqualTo(2);
    }

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            jobs.add(() -> {
                for (int i = 0; i < 15; i++) {
                    int n = i;
                    tx.executeWithoutResult(s -> {
                        audit.created("deal", "W" + writer + "-" + n, Map.of("writer", writer));
                        audit.updated("deal", "W" + writer + "-" + n, Map.of("stage", "A"), Map.of("stage", "B"));
                    });
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditVerificationResult r = verification.verify();
        assertThat(r.intact()).as("%s", r.firstBroken()).isTrue();
        assertThat(r.checked()).isEqualTo(10 + 8 * 15 * 2);
        assertThat(r.headSeq()).isEqualTo(250);
        // ids follow the chain order
        List<Long> ids = jdbc.queryForList("SELECT id FROM audit_log ORDER BY seq", Long.class);
        assertThat(ids).isSorted();
    }

    @Test
    void adminSeesTheFirstBrokenEntryOnThePageAndInTheApi() throws SQLException {
        tamper("UPDATE audit_log SET actor_name = 'ghost' WHERE seq = 2");
        long id = idOf(2);
        jakarta.servlet.http.Cookie session = SignedIn.session(mvc, "admin");
        MvcTestResult page = mvc.post()
                .uri("/admin/audit/verify")
                .header("HX-Request", "true")
                .cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("哈希链已断裂")
                .contains("第一处断裂：序号 #2（记录编号 " + id + "）")
                .contains("记录被修改")
                .contains("data-kind=\"MODIFIED\"");
        MvcTestResult api = mvc.get()
                .uri("/api/v1/audit/verify")
                .header("Authorization", SignedIn.bearer(mvc, "admin"))
                .exchange();
        assertThat(api).hasStatusOk();
        assertThat(api).bodyJson().extractingPath("$.intact").isEqualTo(false);
        assertThat(api).bodyJson().extractingPath("$.firstBroken.seq").isEqualTo(2);
        assertThat(api).bodyJson().extractingPath("$.firstBroken.id").isEqualTo(Long.toString(id));
        assertThat(api).bodyJson().extractingPath("$.firstBroken.kind").isEqualTo("MODIFIED");
    }

    @Test
    void cliAnswersOneAndNamesTheFirstBrokenEntry() throws SQLException {
        tamper("DELETE FROM audit_log WHERE seq = 3");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AuditCommand.verify(verification, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("BROKEN")
                .contains("#3")
                .contains("MISSING");
    }

    @Test
    void applicationRoleCannotUpdateDeleteOrTruncateAuditRowsOnPostgres() throws SQLException {
        assumeTrue(postgres(), "PostgreSQL only");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_log SET actor_name = 'ghost' WHERE seq = 1"))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_log WHERE seq = 1"))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_log")).rootCause().hasMessageContaining("append-only");
        checkpoints.checkpoint("manual");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_checkpoint"))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_chain_head"))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(verification.verify().guard()).isEqualTo("enabled");
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void disabledGuardIsReportedOnPostgres() throws SQLException {
        assumeTrue(postgres(), "PostgreSQL only");
        jdbc.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
        try {
            assertThat(verification.verify().guard()).isEqualTo("disabled");
        } finally {
            jdbc.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
        }
    }
}
