package app.lantern.pipeline;

import static lantern.db.Tables.CONTACTS;
import static lantern.db.Tables.CUSTOMERS;

import app.lantern.identity.Directory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Test data for pipeline and activity tests: signs users in, inserts customers and contacts (the customer module's
 * own builder is not on this branch yet), and builds opportunities through the service.
 */
@Component
public class PipelineFixtures {

    private final DSLContext db;
    private final UserDetailsService users;
    private final Directory directory;
    private final OpportunityEditing opportunities;
    private final Pipelines pipelines;
    private final HealthEngine health;
    private final Clock clock;

    PipelineFixtures(
            DSLContext db,
            UserDetailsService users,
            Directory directory,
            OpportunityEditing opportunities,
            Pipelines pipelines,
            HealthEngine health,
            Clock clock) {
        this.db = db;
        this.users = users;
        this.directory = directory;
        this.opportunities = opportunities;
        this.pipelines = pipelines;
        this.health = health;
        this.clock = clock;
    }

    public void signIn(String username) {
        UserDetails principal = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    public void signOut() {
        SecurityContextHolder.clearContext();
    }

    public long userId(String username) {
        return directory.userByUsername(username).orElseThrow().id();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A customer owned by the user, created a year ago. */
    public long customer(String ownerUsername) {
        return customer(ownerUsername, OffsetDateTime.now(clock).minusYears(1));
    }

    public long customer(String ownerUsername, OffsetDateTime createdAt) {
        return db.insertInto(CUSTOMERS)
                .set(CUSTOMERS.NAME, unique("测试医院"))
                .set(CUSTOMERS.OWNER_ID, userId(ownerUsername))
                .set(CUSTOMERS.STATUS, "ACTIVE")
                .set(CUSTOMERS.CREATED_AT, createdAt)
                .set(CUSTOMERS.UPDATED_AT, createdAt)
                .returning(CUSTOMERS.ID)
                .fetchOne()
                .getId();
    }

    public long contact(long customerId, String role) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.insertInto(CONTACTS)
                .set(CONTACTS.CUSTOMER_ID, customerId)
                .set(CONTACTS.NAME, unique("联系人"))
                .set(CONTACTS.DECISION_ROLE, role)
                .set(CONTACTS.STATUS, "ACTIVE")
                .set(CONTACTS.CREATED_AT, now)
                .set(CONTACTS.UPDATED_AT, now)
                .returning(CONTACTS.ID)
                .fetchOne()
                .getId();
    }

    /**
     * Back-dates an opportunity's creation by {@code days} calendar days (21 are always past the 5-working-day grace
     * period, holidays included) and recomputes its health.
     */
    public void age(long opportunityId, int days) {
        db.update(lantern.db.Tables.OPPORTUNITIES)
                .set(
                        lantern.db.Tables.OPPORTUNITIES.CREATED_AT,
                        OffsetDateTime.now(clock).minusDays(days))
                .where(lantern.db.Tables.OPPORTUNITIES.ID.eq(opportunityId))
                .execute();
        health.recompute(opportunityId);
    }

    public PipelineView medical() {
        return pipelines.all().stream()
                .filter(p -> "MEDICAL_DEVICE".equals(p.templateCode()))
                .findFirst()
                .orElseThrow();
    }

    public PipelineView saas() {
        return pipelines.all().stream()
                .filter(p -> "SAAS".equals(p.templateCode()))
                .findFirst()
                .orElseThrow();
    }

    /** Builder of opportunities (signed-in user is the owner unless set). */
    public OpportunityBuilder opportunity(long customerId) {
        return new OpportunityBuilder(customerId);
    }

    /** See {@link OpportunityMother} for named starting points. */
    public final class OpportunityBuilder {
        private final long customerId;
        private long pipelineId = medical().id();
        private BigDecimal amount;
        private BudgetRange budget;
        private String coreNeed;
        private String source = "展会";
        private final List<OpportunityInput.ContactRole> contacts = new ArrayList<>();
        private LocalDate expectedClose;

        OpportunityBuilder(long customerId) {
            this.customerId = customerId;
        }

        public OpportunityBuilder pipeline(long id) {
            this.pipelineId = id;
            return this;
        }

        public OpportunityBuilder amount(String yuan) {
            this.amount = new BigDecimal(yuan);
            return this;
        }

        public OpportunityBuilder budget(BudgetRange b) {
            this.budget = b;
            return this;
        }

        public OpportunityBuilder coreNeed(String s) {
            this.coreNeed = s;
            return this;
        }

        public OpportunityBuilder expectedClose(LocalDate d) {
            this.expectedClose = d;
            return this;
        }

        public OpportunityBuilder contact(long contactId, String role) {
            contacts.add(new OpportunityInput.ContactRole(contactId, role));
            return this;
        }

        /** Amount, budget range, core need and a decision maker: the medical pipeline's gates up to the demo stage. */
        public OpportunityBuilder withDecisionChain() {
            if (amount == null) {
                amount("180000.00");
            }
            return budget(BudgetRange.FROM_50K_TO_200K)
                    .coreNeed("更换 CT 设备")
                    .contact(
                            PipelineFixtures.this.contact(customerId, DecisionRole.DECISION_MAKER.name()),
                            DecisionRole.DECISION_MAKER.name());
        }

        public OpportunityDetails create() {
            return opportunities.create(new OpportunityInput(
                    unique("商机"),
                    customerId,
                    null,
                    pipelineId,
                    null,
                    amount,
                    budget,
                    expectedClose,
                    coreNeed,
                    null,
                    null,
                    null,
                    null,
                    source,
                    contacts));
        }
    }
}
