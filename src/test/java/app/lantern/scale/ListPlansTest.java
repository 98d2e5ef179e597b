package app.lantern.scale;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.activity.ActivityService;
import app.lantern.alert.AlertBoards;
import app.lantern.customer.CustomerManagement;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.pipeline.FunnelMetrics;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.Pipelines;
import app.lantern.shared.PageQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.conf.ParamType;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plans check: every list, board, funnel and alert-board statement, as the application issues it for an
 * executive, a manager and a rep, is run with {@code EXPLAIN ANALYZE} on the generated million-deal PostgreSQL set
 * ({@code LANTERN_SCALE_DB_URL}, see docs/perf/scale.md) and may not read a large table sequentially beyond a page's
 * worth of rows. Skipped without that database. Text searches use three characters or more: trigram indexes cannot
 * serve a two-character search (docs/perf/scale.md, open points).
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=${LANTERN_SCALE_DB_URL:}",
            "spring.datasource.username=${LANTERN_SCALE_DB_USERNAME:postgres}",
            "spring.datasource.password=${LANTERN_SCALE_DB_PASSWORD:}",
            "lantern.demo-data=false"
        })
@EnabledIfEnvironmentVariable(named = "LANTERN_SCALE_DB_URL", matches = "jdbc:postgresql:.*")
class ListPlansTest {

    private static final Set<String> LARGE =
            Set.of("opportunities", "opportunity_stage_history", "customers", "contacts", "activities", "alerts");
    private static final int MOST_ROWS_READ_IN_SEQUENCE = 20_000;
    private static final List<String> STATEMENTS = new ArrayList<>();

    @TestConfiguration
    static class Capture {
        @Bean
        DefaultExecuteListenerProvider capturingStatements() {
            return new DefaultExecuteListenerProvider(new ExecuteListener() {
                @Override
                public void executeStart(ExecuteContext ctx) {
                    if (ctx.query() != null) {
                        STATEMENTS.add(ctx.query().getSQL(ParamType.INLINED));
                    }
                }
            });
        }
    }

    @Autowired
    UserDetailsService users;

    @Autowired
    OpportunityQueries opportunities;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ActivityService activities;

    @Autowired
    AlertBoards alerts;

    @Autowired
    FunnelMetrics funnel;

    @Autowired
    Pipelines pipelines;

    @Autowired
    DataScopes scopes;

    @Autowired
    CurrentActor currentActor;

    @Autowired
    DSLContext db;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sexec", "sm1", "sr1-1"})
    void noListQueryReadsALargeTableFromEndToEnd(String username) {
        var principal = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
        Actor actor = currentActor.require();
        long pipeline = pipelines.all().getFirst().id();
        LocalDate today = LocalDate.now(clock);
        STATEMENTS.clear();
        PageQuery opportunityPage = PageQuery.of(null, 50, null, OpportunityQueries.SORT_FIELDS, "updatedAt,desc");
        opportunities.list(new OpportunityQueries.Filter(null, null, null, null, null, null, null), opportunityPage);
        opportunities.list(new OpportunityQueries.Filter(null, null, null, null, null, "华盛ERP", null), opportunityPage);
        opportunities.board(pipeline, null);
        customers.list(
                CustomerManagement.Filter.none(),
                PageQuery.of(null, 50, null, CustomerManagement.SORT_FIELDS, "updatedAt,desc"));
        customers.list(
                new CustomerManagement.Filter("华盛信", null, null, null, null, null),
                PageQuery.of(null, 50, null, CustomerManagement.SORT_FIELDS, "updatedAt,desc"));
        activities.list(
                new ActivityService.Filter(null, null, null, null, null, null, null, null, null, null),
                PageQuery.of(null, 50, null, ActivityService.SORT_FIELDS, "occurredAt,desc"));
        alerts.board(false, null, null);
        funnel.funnel(scopes.visibleOwners(actor), pipeline, today.minusDays(30), today);
        List<String> statements = List.copyOf(STATEMENTS);

        assertThat(statements).hasSizeGreaterThan(8);
        for (String sql : statements) {
            if (!sql.stripLeading().toLowerCase().startsWith("select")) {
                continue;
            }
            String plan = db.fetchValue("EXPLAIN (ANALYZE, FORMAT JSON) " + sql).toString();
            JsonNode root = JsonMapper.shared().readTree(plan).get(0).get("Plan");
            assertThat(sequentialReads(root))
                    .as(username + ": " + sql + "\n" + plan)
                    .isEmpty();
        }
    }

    /** Sequential scans of a large table in the plan that read more than a page's worth of rows. */
    private static List<String> sequentialReads(JsonNode node) {
        List<String> found = new ArrayList<>();
        if ("Seq Scan".equals(node.path("Node Type").asString())
                && LARGE.contains(node.path("Relation Name").asString())) {
            long loops = Math.max(1, node.path("Actual Loops").asLong());
            long read = (node.path("Actual Rows").asLong()
                            + node.path("Rows Removed by Filter").asLong())
                    * loops;
            if (read > MOST_ROWS_READ_IN_SEQUENCE) {
                found.add(node.path("Relation Name").asString() + ": " + read + " rows");
            }
        }
        node.path("Plans").forEach(child -> found.addAll(sequentialReads(child)));
        return found;
    }
}
