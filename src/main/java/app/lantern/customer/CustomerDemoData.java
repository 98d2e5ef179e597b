package app.lantern.customer;

import static lantern.db.Tables.CONTACTS;
import static lantern.db.Tables.CUSTOMERS;

import app.lantern.customer.matching.CreditCodes;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * About 600 real listed companies as the demo organisation's customers, owned by reps of the team whose region the
 * company sits in (华东/华南/华北), with contacts, notes, orders and tickets, a few planted duplicates (short-name
 * records such as 万科A next to 万科企业股份有限公司), and value tiers.
 */
@Component
class CustomerDemoData implements DemoDataContributor {

    static final Map<String, String> REGION_OF = new HashMap<>();

    static {
        for (String p : List.of("上海", "江苏", "浙江", "安徽", "福建", "江西", "山东")) {
            REGION_OF.put(p, "华东");
        }
        for (String p : List.of("广东", "广西", "海南", "湖南", "湖北", "云南", "贵州", "四川", "重庆", "西藏")) {
            REGION_OF.put(p, "华南");
        }
        for (String p : List.of("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "河南", "陕西", "甘肃", "青海", "宁夏", "新疆")) {
            REGION_OF.put(p, "华北");
        }
    }

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "丽", "强", "军", "平", "刚", "桂英", "晓东",
        "海燕", "志强", "建华"
    };
    private static final String[] TITLES = {"总经理", "采购总监", "IT经理", "财务总监", "行政主管", "技术负责人", "采购专员", "副总裁"};
    private static final String[] ROLES = {"DECISION_MAKER", "INFLUENCER", "USER", "GATEKEEPER", "SUPPORTER"};
    private static final String[] SOURCES = {"展会", "官网咨询", "老客户转介绍", "电话营销", "微信", "招投标"};
    private static final String[] NOTES = {
        "客户关注交付周期，需要在下次拜访时带上实施计划。",
        "对方采购流程需走三家比价，预计下月定标。",
        "技术负责人认可方案，但预算审批要到季度末。",
        "客户提到竞品报价低 10%，需准备 ROI 对比。",
        "已约好下周二上门演示。",
        "客户新任 IT 经理，需重新建立关系。",
        "回款节奏稳定，可以推荐增购模块。"
    };

    private final DSLContext db;
    private final Directory directory;
    private final MatchIndex index;
    private final CustomerTimeline timeline;
    private final CustomerValue value;

    CustomerDemoData(
            DSLContext db, Directory directory, MatchIndex index, CustomerTimeline timeline, CustomerValue value) {
        this.db = db;
        this.directory = directory;
        this.index = index;
        this.timeline = timeline;
        this.value = value;
    }

    @Override
    public int order() {
        return 200;
    }

    record Company(String shortName, String fullName, String province, String city, String industry) {}

    @Override
    public void contribute(DemoContext context) {
        Random random = context.random("customer");
        OffsetDateTime now = OffsetDateTime.now(context.clock());
        Map<String, List<Long>> repsByRegion = new HashMap<>();
        Map<Long, String> regionOfTeam = new HashMap<>();
        for (TeamSummary t : directory.teams()) {
            if (t.region() != null) {
                regionOfTeam.put(t.id(), t.region());
            }
        }
        List<Long> allReps = new ArrayList<>();
        for (UserSummary u : directory.usersWithRole(Role.REP)) {
            String region = u.teamId() == null ? null : regionOfTeam.get(u.teamId());
            repsByRegion
                    .computeIfAbsent(region == null ? "" : region, k -> new ArrayList<>())
                    .add(u.id());
            allReps.add(u.id());
        }
        if (allReps.isEmpty()) {
            return;
        }
        List<Company> companies = load();
        int count = Math.min(companies.size(), 600 * Math.max(1, context.scale()));
        List<long[]> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Company c = companies.get(i % companies.size());
            List<Long> reps = repsByRegion.getOrDefault(REGION_OF.getOrDefault(c.province(), ""), allReps);
            long owner = reps.get(random.nextInt(reps.size()));
            OffsetDateTime createdAt = now.minusDays(30 + random.nextInt(1000)).withHour(9 + random.nextInt(9));
            String phone = String.format("0%d-%08d", 10 + random.nextInt(90), 20_000_000 + random.nextInt(79_999_999));
            long id = db.insertInto(CUSTOMERS)
                    .set(CUSTOMERS.NAME, c.fullName())
                    .set(CUSTOMERS.SHORT_NAME, c.shortName())
                    .set(CUSTOMERS.CREDIT_CODE, creditCode(random))
                    .set(CUSTOMERS.INDUSTRY, c.industry())
                    .set(CUSTOMERS.PROVINCE, c.province())
                    .set(CUSTOMERS.CITY, c.city())
                    .set(CUSTOMERS.SIZE, CustomerForm.SIZES.get(random.nextInt(CustomerForm.SIZES.size())))
                    .set(CUSTOMERS.SOURCE, SOURCES[random.nextInt(SOURCES.length)])
                    .set(CUSTOMERS.TAGS, random.nextInt(8) == 0 ? "战略客户" : null)
                    .set(CUSTOMERS.STATUS, random.nextInt(10) == 0 ? "PROSPECT" : "ACTIVE")
                    .set(CUSTOMERS.PHONE, phone)
                    .set(CUSTOMERS.OWNER_ID, owner)
                    .set(CUSTOMERS.CREATED_AT, createdAt)
                    .set(CUSTOMERS.UPDATED_AT, now.minusDays(random.nextInt(30)))
                    .returningResult(CUSTOMERS.ID)
                    .fetchOne()
                    .value1();
            created.add(new long[] {id, owner});
            int contacts = 1 + random.nextInt(3);
            for (int k = 0; k < contacts; k++) {
                db.insertInto(CONTACTS)
                        .set(CONTACTS.CUSTOMER_ID, id)
                        .set(
                                CONTACTS.NAME,
                                SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)])
                        .set(CONTACTS.TITLE, TITLES[random.nextInt(TITLES.length)])
                        .set(
                                CONTACTS.MOBILE,
                                String.format("1%d%09d", 3 + random.nextInt(7), random.nextInt(1_000_000_000)))
                        .set(CONTACTS.EMAIL, random.nextBoolean() ? "contact" + id + "_" + k + "@example.cn" : null)
                        .set(CONTACTS.DECISION_ROLE, ROLES[(k + random.nextInt(2)) % ROLES.length])
                        .set(CONTACTS.STATUS, random.nextInt(12) == 0 ? "LEFT" : "ACTIVE")
                        .set(CONTACTS.CREATED_AT, createdAt)
                        .set(CONTACTS.UPDATED_AT, createdAt)
                        .execute();
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                String note = NOTES[random.nextInt(NOTES.length)];
                timeline.insert(
                        id,
                        "note",
                        now.minusDays(random.nextInt(120)).minusHours(random.nextInt(10)),
                        note,
                        note,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
            }
            int orders = random.nextInt(4) == 0 ? 0 : random.nextInt(9);
            double size = 20_000 + random.nextInt(400_000);
            for (int k = 0; k < orders; k++) {
                BigDecimal amount =
                        BigDecimal.valueOf(size * (0.5 + random.nextDouble())).setScale(2, RoundingMode.HALF_UP);
                BigDecimal margin = amount.multiply(BigDecimal.valueOf(0.1 + random.nextDouble() * 0.4))
                        .setScale(2, RoundingMode.HALF_UP);
                timeline.insert(
                        id,
                        "order",
                        now.minusDays(random.nextInt(360)),
                        "订单 SO-" + id + "-" + k,
                        "ERP 同步订单",
                        null,
                        "ERP",
                        "SO-" + id + "-" + k,
                        amount,
                        margin,
                        random.nextInt(5) != 0,
                        null,
                        null);
            }
            for (int k = random.nextInt(4) == 0 ? random.nextInt(4) : 0; k > 0; k--) {
                timeline.insert(
                        id,
                        "ticket",
                        now.minusDays(random.nextInt(300)),
                        "服务工单 TK-" + id + "-" + k,
                        "客户报修，已派工程师处理",
                        null,
                        "客服系统",
                        "TK-" + id + "-" + k,
                        null,
                        null,
                        null,
                        BigDecimal.valueOf(200 + random.nextInt(3000)),
                        null);
            }
        }
        // planted duplicates: the short name entered again by another rep, sometimes with the same switchboard number
        for (int i = 0; i < Math.min(15, created.size()); i++) {
            long[] original = created.get(i * 37 % created.size());
            Company c = companies.get((int) ((i * 37 % created.size()) % companies.size()));
            long owner = allReps.get(random.nextInt(allReps.size()));
            String phone = i % 3 == 0
                    ? db.select(CUSTOMERS.PHONE)
                            .from(CUSTOMERS)
                            .where(CUSTOMERS.ID.eq(original[0]))
                            .fetchOne(CUSTOMERS.PHONE)
                    : null;
            long id = db.insertInto(CUSTOMERS)
                    .set(CUSTOMERS.NAME, c.shortName())
                    .set(CUSTOMERS.PROVINCE, c.province())
                    .set(CUSTOMERS.SOURCE, "展会")
                    .set(CUSTOMERS.STATUS, "PROSPECT")
                    .set(CUSTOMERS.PHONE, phone)
                    .set(CUSTOMERS.OWNER_ID, owner)
                    .set(CUSTOMERS.CREATED_AT, now.minusDays(1 + random.nextInt(20)))
                    .set(CUSTOMERS.UPDATED_AT, now.minusDays(random.nextInt(5)))
                    .returningResult(CUSTOMERS.ID)
                    .fetchOne()
                    .value1();
            created.add(new long[] {id, owner});
        }
        for (long[] c : created) {
            index.reindex(c[0]);
        }
        for (long[] c : created) {
            index.reindexAndFlag(c[0], 0.85, now);
        }
        value.recompute();
    }

    static String creditCode(Random random) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder sb = new StringBuilder("91");
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        for (int i = 0; i < 9; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.append(CreditCodes.checkDigit(sb.toString())).toString();
    }

    static List<Company> load() {
        var in = CustomerDemoData.class.getResourceAsStream("/demo/companies.csv");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Company> result = new ArrayList<>();
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f.length >= 5) {
                    result.add(new Company(f[0], f[1], f[2], f[3], f[4]));
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> regions() {
        return Set.copyOf(REGION_OF.values());
    }
}
