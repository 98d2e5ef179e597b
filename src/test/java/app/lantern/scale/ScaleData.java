package app.lantern.scale;

import app.lantern.pipeline.BudgetRange;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Writes a realistic sales organisation straight into the database, deterministic by seed: a company with
 * {@code teams} teams of {@code repsPerTeam} reps (each team led by a manager, an executive on top; password
 * {@code lantern-demo}), customers with contacts, opportunities spread over {@code years} years with their stage
 * history, activities and revenue targets. Rows go in chunks with {@link TableSink} (COPY on PostgreSQL), committed per
 * chunk. Existing data stays; the generated rows take ids above it and the identity columns are moved on afterwards.
 */
final class ScaleData {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int CHUNK = 20_000;
    private static final String[] ACTIVITY_TYPES = {
        "VISIT", "CALL", "CALL", "DEMO", "PROPOSAL", "MEETING", "EMAIL", "WECHAT", "WECHAT", "OBJECTION_HANDLING"
    };
    private static final String[] LOSS_REASONS = {"价格过高", "选择了竞品", "预算取消", "需求变化", "决策人更换"};

    /** What to generate; {@code prefix} starts every generated username so that a second run can sit beside the first. */
    record Plan(
            int teams,
            int repsPerTeam,
            int customers,
            int opportunities,
            int activities,
            int years,
            long seed,
            LocalDate asOf,
            String prefix) {}

    /** How many rows of each table were written. */
    record Written(Map<String, Long> rows) {}

    private record Pipeline(long id, long[] stages) {}

    private final Connection c;
    private final Plan plan;
    private final SplittableRandom random;
    private final OffsetDateTime start;
    private final OffsetDateTime end;
    private final Map<String, TableSink> sinks = new LinkedHashMap<>();
    private long company;
    private long firstCustomer;

    private ScaleData(Connection c, Plan plan) {
        this.c = c;
        this.plan = plan;
        this.random = new SplittableRandom(plan.seed());
        this.end = plan.asOf().atTime(18, 0).atZone(ZONE).toOffsetDateTime();
        this.start = end.minusYears(plan.years());
    }

    static Written generate(Connection c, Plan plan) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            return new ScaleData(c, plan).run();
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private Written run() throws SQLException {
        sink("teams", "id, name, parent_id, region, created_at");
        sink("users", "id, username, display_name, password_hash, email, team_id, active, created_at, updated_at");
        sink("user_roles", "user_id, role");
        sink(
                "customers",
                "id, name, short_name, credit_code, industry, province, city, size, source, owner_id, status,"
                        + " tier, created_at, updated_at");
        sink("contacts", "id, customer_id, name, title, mobile, decision_role, status, created_at, updated_at");
        sink(
                "opportunities",
                "id, name, customer_id, owner_id, pipeline_id, stage_id, status, amount, budget_range,"
                        + " expected_close, first_expected_close, source, loss_reason, stage_entered_at, last_contact_at,"
                        + " two_way_interactions, last_two_way_at, health_score, health_computed_at, created_at, updated_at,"
                        + " closed_at");
        sink("opportunity_stage_history", "id, opportunity_id, stage_id, entered_at, exited_at, exit_kind, actor_id");
        sink(
                "activities",
                "id, type, owner_id, customer_id, opportunity_id, occurred_at, created_at, duration_minutes,"
                        + " outcome, updated_at");
        sink(
                "targets",
                "id, metric, period_type, period_key, target_year, org_level, subject_id, amount, parent_id,"
                        + " method, created_at, updated_at");
        sink("target_versions", "target_id, version, amount, method, reason, changed_at");
        long[][] reps = organisation();
        List<Pipeline> pipelines = pipelines();
        long[] customerOwner = new long[plan.customers()];
        String[] customerShort = new String[plan.customers()];
        customers(reps, customerOwner, customerShort);
        opportunities(pipelines, customerOwner, customerShort);
        targets(reps);
        for (String table : sinks.keySet()) {
            if (!table.equals("user_roles") && !table.equals("target_versions")) {
                moveIdentityOn(table);
            }
        }
        c.commit();
        Map<String, Long> rows = new LinkedHashMap<>();
        sinks.forEach((t, s) -> rows.put(t, s.written));
        return new Written(rows);
    }

    private void sink(String table, String columns) throws SQLException {
        sinks.put(table, TableSink.of(c, table, columns));
    }

    private TableSink to(String table) {
        return sinks.get(table);
    }

    /** Flushes every table in foreign-key order (the order the sinks were declared in) and commits. */
    private void flush() throws SQLException {
        for (TableSink s : sinks.values()) {
            s.flush();
        }
        c.commit();
    }

    /** The company, its teams and people; returns the rep ids per team. */
    private long[][] organisation() throws SQLException {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("lantern-demo");
        long teamId = nextId("teams");
        long userId = nextId("users");
        company = teamId++;
        to("teams").add(company, plan.prefix() + "集团", null, null, start);
        long exec = user(userId++, "exec", "总经理" + ScaleNames.person(random), hash, company, "EXECUTIVE");
        Map<Long, Long> leaders = new LinkedHashMap<>();
        leaders.put(company, exec);
        long[][] reps = new long[plan.teams()][plan.repsPerTeam()];
        for (int t = 0; t < plan.teams(); t++) {
            String region = ScaleNames.REGIONS[t % ScaleNames.REGIONS.length];
            long team = teamId++;
            to("teams").add(team, region + (t / ScaleNames.REGIONS.length + 1) + "部", company, region, start);
            leaders.put(team, user(userId++, "m" + (t + 1), ScaleNames.person(random), hash, team, "MANAGER"));
            for (int r = 0; r < plan.repsPerTeam(); r++) {
                reps[t][r] =
                        user(userId++, "r" + (t + 1) + "-" + (r + 1), ScaleNames.person(random), hash, team, "REP");
            }
        }
        flush();
        try (PreparedStatement ps = c.prepareStatement("UPDATE teams SET leader_id = ? WHERE id = ?")) {
            for (var e : leaders.entrySet()) {
                ps.setLong(1, e.getValue());
                ps.setLong(2, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        return reps;
    }

    private long user(long id, String suffix, String name, String hash, long team, String role) {
        String username = plan.prefix() + suffix;
        to("users").add(id, username, name, hash, username + "@scale.lantern.app", team, true, start, start);
        to("user_roles").add(id, role);
        return id;
    }

    /** The active pipelines with their stages in order; creates a six-stage one on an empty database. */
    private List<Pipeline> pipelines() throws SQLException {
        Map<Long, List<Long>> stages = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT s.pipeline_id, s.id FROM pipeline_stages s"
                                + " JOIN pipelines p ON p.id = s.pipeline_id WHERE p.active ORDER BY s.pipeline_id, s.position")) {
            while (rs.next()) {
                stages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            }
        }
        if (stages.isEmpty()) {
            long pipeline = nextId("pipelines");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pipelines (id, name, product_line, created_at,"
                    + " updated_at) VALUES (?, '标准销售流程', '软件', ?, ?)")) {
                ps.setLong(1, pipeline);
                ps.setObject(2, start);
                ps.setObject(3, start);
                ps.executeUpdate();
            }
            String[] names = {"线索", "需求确认", "方案演示", "商务报价", "谈判", "签约"};
            int[] probabilities = {10, 20, 40, 60, 80, 95};
            long stage = nextId("pipeline_stages");
            List<Long> created = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO pipeline_stages (id, pipeline_id, name, position,"
                            + " win_probability) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < names.length; i++, stage++) {
                    ps.setLong(1, stage);
                    ps.setLong(2, pipeline);
                    ps.setString(3, names[i]);
                    ps.setInt(4, i + 1);
                    ps.setInt(5, probabilities[i]);
                    ps.executeUpdate();
                    created.add(stage);
                }
            }
            moveIdentityOn("pipelines");
            moveIdentityOn("pipeline_stages");
            c.commit();
            stages.put(pipeline, created);
        }
        return stages.entrySet().stream()
                .map(e -> new Pipeline(
                        e.getKey(),
                        e.getValue().stream().mapToLong(Long::longValue).toArray()))
                .toList();
    }

    private void customers(long[][] reps, long[] owner, String[] shortName) throws SQLException {
        firstCustomer = nextId("customers");
        long id = firstCustomer;
        long contactId = nextId("contacts");
        long[] all = Arrays.stream(reps).flatMapToLong(Arrays::stream).toArray();
        for (int i = 0; i < plan.customers(); i++) {
            String[] place = ScaleNames.pick(random, ScaleNames.CITIES);
            String[] industry = ScaleNames.pick(random, ScaleNames.INDUSTRIES);
            String name = ScaleNames.company(random, place[1], industry);
            owner[i] = all[random.nextInt(all.length)];
            shortName[i] = name.substring(place[1].length(), place[1].length() + 2);
            OffsetDateTime created = between(start, end.minusDays(30));
            long customer = id + i;
            to("customers")
                    .add(
                            customer,
                            name,
                            shortName[i],
                            ScaleNames.creditCode(random),
                            industry[0],
                            place[0],
                            place[1],
                            ScaleNames.pick(random, ScaleNames.SIZES),
                            ScaleNames.pick(random, ScaleNames.SOURCES),
                            owner[i],
                            random.nextInt(10) == 0 ? "PROSPECT" : "ACTIVE",
                            "ABC".charAt(random.nextInt(3)) + "",
                            created,
                            between(created, end));
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                to("contacts")
                        .add(
                                contactId++,
                                customer,
                                ScaleNames.person(random),
                                ScaleNames.pick(random, ScaleNames.TITLES),
                                "13" + (100_000_000 + random.nextInt(900_000_000)),
                                ScaleNames.pick(random, ScaleNames.ROLES),
                                "ACTIVE",
                                created,
                                created);
            }
            if ((i + 1) % CHUNK == 0) {
                flush();
            }
        }
        flush();
    }

    private void opportunities(List<Pipeline> pipelines, long[] customerOwner, String[] customerShort)
            throws SQLException {
        long id = nextId("opportunities");
        long historyId = nextId("opportunity_stage_history");
        long activityId = nextId("activities");
        int perDeal = Math.max(0, Math.round((float) plan.activities() / Math.max(1, plan.opportunities())));
        for (int i = 0; i < plan.opportunities(); i++) {
            long opp = id + i;
            int ci = random.nextInt(plan.customers());
            long owner = customerOwner[ci];
            Pipeline pipeline = pipelines.get(random.nextInt(pipelines.size()));
            long[] stages = pipeline.stages();
            // more deals recently than years ago: a growing company
            OffsetDateTime created = start.plusSeconds(
                    (long) (Math.sqrt(random.nextDouble()) * (end.toEpochSecond() - start.toEpochSecond())));
            long ageDays = (end.toEpochSecond() - created.toEpochSecond()) / 86_400;
            int roll = random.nextInt(100);
            String status = ageDays > 150
                    ? (roll < 35 ? "WON" : roll < 85 ? "LOST" : "OPEN")
                    : ageDays > 60 ? (roll < 15 ? "WON" : roll < 35 ? "LOST" : "OPEN") : "OPEN";
            int reached = status.equals("WON")
                    ? stages.length - 1
                    : Math.min(random.nextInt(stages.length), random.nextInt(stages.length));
            OffsetDateTime last = status.equals("OPEN") ? end : between(created, end);
            OffsetDateTime[] entered = new OffsetDateTime[reached + 1];
            entered[0] = created;
            for (int s = 1; s <= reached; s++) {
                entered[s] = between(entered[s - 1], last);
            }
            for (int s = 0; s <= reached; s++) {
                boolean final_ = s == reached;
                to("opportunity_stage_history")
                        .add(
                                historyId++,
                                opp,
                                stages[s],
                                entered[s],
                                final_ ? (status.equals("OPEN") ? null : last) : entered[s + 1],
                                final_ ? (status.equals("OPEN") ? null : status) : "MOVED",
                                owner);
            }
            BigDecimal amount = BigDecimal.valueOf(1000L * (long) Math.exp(Math.log(50) + random.nextDouble() * 4.6));
            int twoWay = 0;
            OffsetDateTime lastContact = null;
            OffsetDateTime lastTwoWay = null;
            for (int a = random.nextInt(2 * perDeal + 1); a > 0; a--) {
                String type = ScaleNames.pick(random, ACTIVITY_TYPES);
                OffsetDateTime at = between(created, last);
                OffsetDateTime logged = at.plusMinutes(random.nextInt(240));
                logged = logged.isAfter(end) ? end : logged;
                to("activities")
                        .add(
                                activityId++,
                                type,
                                owner,
                                firstCustomer + ci,
                                opp,
                                at,
                                logged,
                                15 + 15 * random.nextInt(8),
                                ScaleNames.pick(random, ScaleNames.OUTCOMES),
                                logged);
                lastContact = lastContact == null || at.isAfter(lastContact) ? at : lastContact;
                if (!type.equals("EMAIL") && !type.equals("WECHAT")) {
                    twoWay++;
                    lastTwoWay = lastTwoWay == null || at.isAfter(lastTwoWay) ? at : lastTwoWay;
                }
            }
            LocalDate close = created.plusDays(30 + random.nextInt(170)).toLocalDate();
            boolean open = status.equals("OPEN");
            to("opportunities")
                    .add(
                            opp,
                            ScaleNames.deal(random, customerShort[ci]),
                            firstCustomer + ci,
                            owner,
                            pipeline.id(),
                            stages[reached],
                            status,
                            amount,
                            BudgetRange.of(amount).name(),
                            close,
                            close,
                            ScaleNames.pick(random, ScaleNames.SOURCES),
                            status.equals("LOST") ? ScaleNames.pick(random, LOSS_REASONS) : null,
                            entered[reached],
                            lastContact,
                            twoWay,
                            lastTwoWay,
                            open ? 15 + random.nextInt(81) : null,
                            open ? end : null,
                            created,
                            open ? entered[reached] : last,
                            open ? null : last);
            if ((i + 1) % CHUNK == 0) {
                flush();
            }
        }
        flush();
    }

    /** Signed-revenue targets per year and quarter for the company, each team and each rep (split equally). */
    private void targets(long[][] reps) throws SQLException {
        long id = nextId("targets");
        BigDecimal perRep = new BigDecimal("3000000.00");
        for (int year = end.getYear() - plan.years() + 1; year <= end.getYear(); year++) {
            List<String> keys = List.of(String.valueOf(year), year + "-Q1", year + "-Q2", year + "-Q3", year + "-Q4");
            for (String key : keys) {
                boolean annual = key.length() == 4;
                BigDecimal rep = annual ? perRep : perRep.divide(BigDecimal.valueOf(4));
                long companyTarget = id++;
                target(
                        companyTarget,
                        key,
                        year,
                        "COMPANY",
                        company,
                        rep.multiply(BigDecimal.valueOf((long) plan.teams() * plan.repsPerTeam())),
                        null);
                for (int t = 0; t < plan.teams(); t++) {
                    long teamTarget = id++;
                    target(
                            teamTarget,
                            key,
                            year,
                            "TEAM",
                            company + 1 + t,
                            rep.multiply(BigDecimal.valueOf(plan.repsPerTeam())),
                            companyTarget);
                    for (long r : reps[t]) {
                        target(id++, key, year, "REP", r, rep, teamTarget);
                    }
                }
            }
        }
        flush();
    }

    private void target(long id, String key, int year, String level, long subject, BigDecimal amount, Long parent) {
        to("targets")
                .add(
                        id,
                        "SIGNED",
                        key.length() == 4 ? "YEAR" : "QUARTER",
                        key,
                        year,
                        level,
                        subject,
                        amount,
                        parent,
                        "EQUAL",
                        start,
                        start);
        to("target_versions").add(id, 1, amount, "EQUAL", "规模测试数据", start);
    }

    private OffsetDateTime between(OffsetDateTime from, OffsetDateTime to) {
        long span = Math.max(1, to.toEpochSecond() - from.toEpochSecond());
        return from.plusSeconds(random.nextLong(span));
    }

    private long nextId(String table) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Identity columns do not see explicit ids: the next generated id must come after the rows written here. */
    private void moveIdentityOn(String table) throws SQLException {
        long next = nextId(table);
        try (Statement st = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)");
            } else {
                st.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }
}
