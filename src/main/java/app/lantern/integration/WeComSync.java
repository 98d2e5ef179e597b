package app.lantern.integration;

import static lantern.db.Tables.INTEGRATION_WECOM_CONTACTS;
import static lantern.db.Tables.INTEGRATION_WECOM_EVENTS;
import static lantern.db.Tables.INTEGRATION_WECOM_USERS;

import app.lantern.customer.ContactForm;
import app.lantern.customer.CustomerForm;
import app.lantern.customer.CustomerManagement;
import app.lantern.customer.CustomerTimeline;
import app.lantern.customer.DuplicateCandidate;
import app.lantern.customer.DuplicateQuery;
import app.lantern.customer.TimelineIngest;
import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lantern.db.tables.records.IntegrationWecomEventsRecord;
import org.jooq.DSLContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Turns queued WeCom external-contact events into customers, in the background and acting as the rep who added the
 * contact (so ownership, data scopes, duplicate rules and the audit trail are the customer module's own). An external
 * contact seen before is linked to the customer it became; otherwise a customer that the duplicate rules match is
 * linked, or a new one is created, tagged 微信来源. The first addition writes one timeline entry (nickname, avatar,
 * corp name, remark, state and welcome code); the timeline's external id makes a repeat write nothing.
 */
@Component
class WeComSync {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String TAG = "微信来源";
    static final int MAX_ATTEMPTS = 5;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final DSLContext db;
    private final WeComApi api;
    private final WeComLog log;
    private final CustomerManagement customers;
    private final CustomerTimeline timeline;
    private final Directory directory;
    private final UserDetailsService users;
    private final TransactionTemplate tx;
    private final Clock clock;

    WeComSync(
            DSLContext db,
            WeComApi api,
            WeComLog log,
            CustomerManagement customers,
            CustomerTimeline timeline,
            Directory directory,
            UserDetailsService users,
            TransactionTemplate tx,
            Clock clock) {
        this.db = db;
        this.api = api;
        this.log = log;
        this.customers = customers;
        this.timeline = timeline;
        this.directory = directory;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    /** Processes up to {@code max} due events; returns how many were attempted. */
    int processDue(int max) {
        var ev = INTEGRATION_WECOM_EVENTS;
        List<IntegrationWecomEventsRecord> due = db.selectFrom(ev)
                .where(ev.STATUS.eq(PENDING))
                .and(ev.NEXT_ATTEMPT_AT.le(OffsetDateTime.now(clock)))
                .orderBy(ev.ID)
                .limit(max)
                .fetch();
        int attempted = 0;
        for (var e : due) {
            // claim: the lease moves the next attempt on, so another node (or run) leaves this event alone meanwhile
            int claimed = db.update(ev)
                    .set(ev.VERSION, e.getVersion() + 1)
                    .set(ev.NEXT_ATTEMPT_AT, OffsetDateTime.now(clock).plus(LEASE))
                    .where(ev.ID.eq(e.getId()).and(ev.VERSION.eq(e.getVersion())))
                    .execute();
            if (claimed == 1) {
                e.setVersion(e.getVersion() + 1);
                process(e);
                attempted++;
            }
        }
        return attempted;
    }

    private void process(IntegrationWecomEventsRecord e) {
        var ev = INTEGRATION_WECOM_EVENTS;
        try {
            UserSummary rep = lanternUser(e.getWecomUserId())
                    .orElseThrow(() -> new Permanent("WeCom user " + e.getWecomUserId()
                            + " is not mapped to a Lantern user (map it on the WeCom admin page, then retry)"));
            JsonNode answer = api.externalContact(e.getExternalUserId());
            long customerId = asUser(rep.username(), () -> tx.execute(s -> link(e, answer)));
            db.update(ev)
                    .set(ev.STATUS, DONE)
                    .set(ev.ATTEMPTS, e.getAttempts() + 1)
                    .set(ev.CUSTOMER_ID, customerId)
                    .set(ev.LAST_ERROR, (String) null)
                    .set(ev.PROCESSED_AT, OffsetDateTime.now(clock))
                    .where(ev.ID.eq(e.getId()).and(ev.VERSION.eq(e.getVersion())))
                    .execute();
        } catch (RuntimeException failure) {
            int attempts = e.getAttempts() + 1;
            boolean permanent = failure instanceof Permanent || attempts >= MAX_ATTEMPTS;
            String message = failure instanceof WeComApi.Failure || failure instanceof Permanent
                    ? failure.getMessage()
                    : failure.getClass().getSimpleName() + ": " + failure.getMessage();
            message = message == null ? "failed" : message.length() > 500 ? message.substring(0, 500) : message;
            db.update(ev)
                    .set(ev.STATUS, permanent ? FAILED : PENDING)
                    .set(ev.ATTEMPTS, attempts)
                    .set(ev.LAST_ERROR, message)
                    .set(ev.NEXT_ATTEMPT_AT, OffsetDateTime.now(clock).plusMinutes(1L << Math.min(attempts, 10)))
                    .where(ev.ID.eq(e.getId()).and(ev.VERSION.eq(e.getVersion())))
                    .execute();
            log.write(
                    failure instanceof WeComApi.Failure ? WeComLog.API : WeComLog.SYNC,
                    e.getExternalUserId() + ": " + message);
        }
    }

    /** Creates or links the customer and contact and writes the timeline entry; returns the customer's id. */
    private long link(IntegrationWecomEventsRecord e, JsonNode answer) {
        JsonNode contact = answer.path("external_contact");
        JsonNode follow = followOf(answer, e.getWecomUserId());
        String nickname = Texts.isBlank(contact.path("name").asString(""))
                ? "微信用户"
                : contact.path("name").asString();
        String corp = first(
                contact.path("corp_full_name").asString(""),
                contact.path("corp_name").asString(""),
                follow.path("remark_corp_name").asString(""));
        var known = db.selectFrom(INTEGRATION_WECOM_CONTACTS)
                .where(INTEGRATION_WECOM_CONTACTS.EXTERNAL_USER_ID.eq(e.getExternalUserId()))
                .fetchOne();
        boolean firstLink = known == null || !visible(known.getCustomerId());
        long customerId;
        if (!firstLink) {
            customerId = known.getCustomerId();
        } else {
            String name = corp != null ? corp : nickname + "（微信客户）";
            String mobile = firstMobile(follow);
            customerId = matching(name, mobile)
                    .orElseGet(() -> Long.parseLong(customers
                            .create(
                                    new CustomerForm(
                                            name, null, null, null, null, null, null, null, "企业微信", TAG, null, null,
                                            null, null, null),
                                    true)
                            .id()));
            tag(customerId);
            long contactId = Long.parseLong(customers
                    .addContact(
                            customerId,
                            new ContactForm(
                                    cut(nickname, 100),
                                    cut(contact.path("position").asString(null), 100),
                                    null,
                                    mobile,
                                    null,
                                    e.getExternalUserId(),
                                    null,
                                    "ACTIVE",
                                    cut(notes(follow), 500)))
                    .id());
            var c = INTEGRATION_WECOM_CONTACTS;
            db.insertInto(c)
                    .set(c.EXTERNAL_USER_ID, e.getExternalUserId())
                    .set(c.CUSTOMER_ID, customerId)
                    .set(c.CONTACT_ID, contactId)
                    .set(c.LINKED_AT, OffsetDateTime.now(clock))
                    .onConflict(c.EXTERNAL_USER_ID)
                    .doUpdate()
                    .set(c.CUSTOMER_ID, customerId)
                    .set(c.CONTACT_ID, contactId)
                    .set(c.LINKED_AT, OffsetDateTime.now(clock))
                    .execute();
        }
        if ("add_external_contact".equals(e.getChangeType()) || firstLink) {
            timeline.ingest(
                    customerId,
                    new TimelineIngest(
                            "chat",
                            "wecom:" + e.getExternalUserId() + ":" + e.getWecomUserId(),
                            e.getEventTime(),
                            cut("企业微信添加客户：" + nickname, 200),
                            entryBody(nickname, corp, contact, follow, e),
                            "企业微信",
                            avatar(contact),
                            null,
                            null,
                            null,
                            null));
        }
        return customerId;
    }

    private Optional<Long> matching(String name, String mobile) {
        for (DuplicateCandidate c : customers.duplicates(new DuplicateQuery(name, mobile, null, null, null))) {
            if (c.visible() && c.score() >= customers.threshold()) {
                return Optional.of(Long.parseLong(c.id()));
            }
        }
        return Optional.empty();
    }

    private void tag(long customerId) {
        String tags = customers.get(customerId).tags();
        if (tags == null || tags.isBlank()) {
            customers.update(customerId, tagsOnly(TAG), null);
        } else if (!List.of(tags.split("[,，]")).stream()
                .map(String::strip)
                .toList()
                .contains(TAG)) {
            customers.update(customerId, tagsOnly(tags + "," + TAG), null);
        }
    }

    private static CustomerForm tagsOnly(String tags) {
        return new CustomerForm(
                null, null, null, null, null, null, null, null, null, tags, null, null, null, null, null);
    }

    private boolean visible(long customerId) {
        try {
            customers.get(customerId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String entryBody(
            String nickname, String corp, JsonNode contact, JsonNode follow, IntegrationWecomEventsRecord e) {
        List<String> lines = new ArrayList<>();
        lines.add("昵称：" + nickname);
        lines.add("类型：" + (contact.path("type").asInt() == 2 ? "企业微信用户" : "微信用户"));
        if (corp != null) {
            lines.add("企业：" + corp);
        }
        if (!Texts.isBlank(contact.path("position").asString(""))) {
            lines.add("职务：" + contact.path("position").asString());
        }
        if (!Texts.isBlank(follow.path("remark").asString(""))) {
            lines.add("备注：" + follow.path("remark").asString());
        }
        if (!Texts.isBlank(follow.path("description").asString(""))) {
            lines.add("描述：" + follow.path("description").asString());
        }
        String state =
                e.getState() != null ? e.getState() : follow.path("state").asString("");
        if (!Texts.isBlank(state)) {
            lines.add("渠道（state）：" + state);
        }
        if (e.getWelcomeCode() != null) {
            lines.add("欢迎语凭证（WelcomeCode）：" + e.getWelcomeCode());
        }
        if (avatar(contact) != null) {
            lines.add("头像：" + avatar(contact));
        }
        lines.add("添加人（企业微信）：" + e.getWecomUserId());
        return String.join("\n", lines);
    }

    private static String avatar(JsonNode contact) {
        String url = contact.path("avatar").asString("");
        return url.matches("(?i)https?://\\S{1,290}") ? url : null;
    }

    private static String notes(JsonNode follow) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("remark", "description")) {
            if (!Texts.isBlank(follow.path(field).asString(""))) {
                parts.add(follow.path(field).asString());
            }
        }
        return parts.isEmpty() ? null : String.join("；", parts);
    }

    private static String firstMobile(JsonNode follow) {
        for (JsonNode m : follow.path("remark_mobiles")) {
            String s = m.asString("").strip();
            if (s.matches("1\\d{10}")) {
                return s;
            }
        }
        return null;
    }

    private static JsonNode followOf(JsonNode answer, String userId) {
        for (JsonNode f : answer.path("follow_user")) {
            if (userId.equals(f.path("userid").asString())) {
                return f;
            }
        }
        return answer.path("follow_user").path(0);
    }

    /** The Lantern user a WeCom user id stands for: the admin's mapping, else the user with that username. */
    Optional<UserSummary> lanternUser(String wecomUserId) {
        Long mapped = db.select(INTEGRATION_WECOM_USERS.USER_ID)
                .from(INTEGRATION_WECOM_USERS)
                .where(INTEGRATION_WECOM_USERS.WECOM_USER_ID.eq(wecomUserId))
                .fetchOne(INTEGRATION_WECOM_USERS.USER_ID);
        return (mapped != null ? directory.user(mapped) : directory.userByUsername(wecomUserId))
                .filter(UserSummary::active);
    }

    private <T> T asUser(String username, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var principal = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    /** A failure that retrying will not fix. */
    private static final class Permanent extends RuntimeException {
        Permanent(String message) {
            super(message);
        }
    }
}
