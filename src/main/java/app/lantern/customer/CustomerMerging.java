package app.lantern.customer;

import static lantern.db.Tables.CONTACTS;
import static lantern.db.Tables.CUSTOMERS;
import static lantern.db.Tables.CUSTOMER_ATTACHMENTS;
import static lantern.db.Tables.CUSTOMER_DISTINCT_PAIRS;
import static lantern.db.Tables.CUSTOMER_MERGES;
import static lantern.db.Tables.CUSTOMER_TIMELINE;
import static lantern.db.Tables.CUSTOMER_VALUE_SCORES;
import static lantern.db.Tables.USERS;

import app.lantern.audit.AuditEntry;
import app.lantern.audit.AuditLog;
import app.lantern.audit.AuditTrail;
import app.lantern.customer.matching.DuplicateMatcher;
import app.lantern.customer.matching.MatchProfile;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merges a duplicate into a surviving customer: blank fields of the survivor are filled from the duplicate,
 * contacts, timeline, attachments and scores move over, other modules re-point their records through
 * {@link CustomersMerged} inside the same transaction, and both audit histories stay readable.
 */
@Service
@Transactional
public class CustomerMerging {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final CustomerManagement management;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final AuditTrail trail;
    private final ApplicationEventPublisher events;
    private final MatchIndex index;
    private final CustomerTimeline timeline;
    private final Clock clock;

    CustomerMerging(
            DSLContext db,
            CustomerManagement management,
            DataScopes scopes,
            CurrentActor currentActor,
            AuditLog audit,
            AuditTrail trail,
            ApplicationEventPublisher events,
            MatchIndex index,
            CustomerTimeline timeline,
            Clock clock) {
        this.db = db;
        this.management = management;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.audit = audit;
        this.trail = trail;
        this.events = events;
        this.index = index;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** One field of the merge preview: the survivor's value, the duplicate's, and what the survivor will have. */
    public record FieldChange(String field, String survivor, String duplicate, String result) {}

    public record MergePreview(
            CustomerView survivor,
            CustomerView duplicate,
            List<FieldChange> fields,
            int contacts,
            int timelineEntries,
            int attachments,
            double score,
            List<String> matchedOn) {}

    @Transactional(readOnly = true)
    public MergePreview preview(long survivorId, long duplicateId) {
        if (survivorId == duplicateId) {
            throw ValidationException.field("duplicateId", "must be another customer");
        }
        CustomerView survivor = management.get(survivorId);
        CustomerView duplicate = management.get(duplicateId);
        Map<String, String> a = values(survivor);
        Map<String, String> b = values(duplicate);
        List<FieldChange> fields = new ArrayList<>();
        for (String f : a.keySet()) {
            String result = a.get(f) != null ? a.get(f) : b.get(f);
            if (!Objects.equals(a.get(f), b.get(f))) {
                fields.add(new FieldChange(f, a.get(f), b.get(f), result));
            }
        }
        MatchProfile pa =
                index.profiles(List.of(survivorId)).stream().findFirst().orElseThrow();
        MatchProfile pb =
                index.profiles(List.of(duplicateId)).stream().findFirst().orElseThrow();
        DuplicateMatcher.Match match = DuplicateMatcher.compare(pa, pb);
        return new MergePreview(
                survivor,
                duplicate,
                fields,
                db.fetchCount(CONTACTS, CONTACTS.CUSTOMER_ID.eq(duplicateId)),
                db.fetchCount(CUSTOMER_TIMELINE, CUSTOMER_TIMELINE.CUSTOMER_ID.eq(duplicateId)),
                db.fetchCount(CUSTOMER_ATTACHMENTS, CUSTOMER_ATTACHMENTS.CUSTOMER_ID.eq(duplicateId)),
                match.score(),
                match.matchedOn());
    }

    /**
     * What "合并到该客户" from the 疑似重复 prompt would do with a customer not created yet: per field the existing
     * customer's value, the entered one and what the customer keeps (its own value; a blank filled from the entry),
     * and what stays attached to it. Nothing is re-pointed: the entry never becomes a record.
     */
    public record MergeIntoPreview(
            CustomerView target, List<FieldChange> fields, int contacts, int timelineEntries, int attachments) {}

    @Transactional(readOnly = true)
    public MergeIntoPreview previewInto(long targetId, CustomerForm entry) {
        CustomerView target = management.get(targetId);
        Map<String, String> kept = values(target);
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("name", entry.name());
        entered.put("shortName", entry.shortName());
        entered.put("creditCode", entry.creditCode());
        entered.put("industry", entry.industry());
        entered.put("province", entry.province());
        entered.put("city", entry.city());
        entered.put("address", entry.address());
        entered.put("size", entry.size());
        entered.put("source", entry.source());
        entered.put("phone", entry.phone());
        entered.put("email", entry.email());
        entered.put("website", entry.website());
        List<FieldChange> fields = new ArrayList<>();
        entered.forEach((f, value) -> {
            String v = value == null || value.isBlank() ? null : value.strip();
            if (v != null && !v.equals(kept.get(f))) {
                fields.add(new FieldChange(f, kept.get(f), v, kept.get(f) != null ? kept.get(f) : v));
            }
        });
        return new MergeIntoPreview(
                target,
                fields,
                db.fetchCount(CONTACTS, CONTACTS.CUSTOMER_ID.eq(targetId)),
                db.fetchCount(CUSTOMER_TIMELINE, CUSTOMER_TIMELINE.CUSTOMER_ID.eq(targetId)),
                db.fetchCount(CUSTOMER_ATTACHMENTS, CUSTOMER_ATTACHMENTS.CUSTOMER_ID.eq(targetId)));
    }

    /** Merges {@code duplicateId} into {@code survivorId}; both must be visible to the actor. All or nothing. */
    public CustomerView merge(long survivorId, long duplicateId) {
        MergePreview preview = preview(survivorId, duplicateId);
        var survivor = db.selectFrom(CUSTOMERS)
                .where(CUSTOMERS.ID.eq(survivorId))
                .forUpdate()
                .fetchOne();
        var duplicate = db.selectFrom(CUSTOMERS)
                .where(CUSTOMERS.ID.eq(duplicateId))
                .forUpdate()
                .fetchOne();
        if (survivor == null
                || duplicate == null
                || survivor.getMergedInto() != null
                || duplicate.getMergedInto() != null) {
            throw NotFoundException.of("customer", survivor == null ? survivorId : duplicateId);
        }
        Map<String, Object> before = CustomerManagement.fields(survivor);
        Map<String, Object> snapshot = new LinkedHashMap<>(CustomerManagement.fields(duplicate));
        snapshot.put("id", duplicateId);
        snapshot.put("createdAt", duplicate.getCreatedAt().toString());
        if (survivor.getShortName() == null) {
            survivor.setShortName(duplicate.getShortName() != null ? duplicate.getShortName() : duplicate.getName());
        }
        if (survivor.getCreditCode() == null) {
            survivor.setCreditCode(duplicate.getCreditCode());
        }
        if (survivor.getIndustry() == null) {
            survivor.setIndustry(duplicate.getIndustry());
        }
        if (survivor.getProvince() == null) {
            survivor.setProvince(duplicate.getProvince());
        }
        if (survivor.getCity() == null) {
            survivor.setCity(duplicate.getCity());
        }
        if (survivor.getAddress() == null) {
            survivor.setAddress(duplicate.getAddress());
        }
        if (survivor.getSize() == null) {
            survivor.setSize(duplicate.getSize());
        }
        if (survivor.getSource() == null) {
            survivor.setSource(duplicate.getSource());
        }
        if (survivor.getPhone() == null) {
            survivor.setPhone(duplicate.getPhone());
        }
        if (survivor.getEmail() == null) {
            survivor.setEmail(duplicate.getEmail());
        }
        if (survivor.getWebsite() == null) {
            survivor.setWebsite(duplicate.getWebsite());
        }
        survivor.setTags(mergeTags(survivor.getTags(), duplicate.getTags()));
        if (survivor.getCreatedAt().isAfter(duplicate.getCreatedAt())) {
            survivor.setCreatedAt(duplicate.getCreatedAt());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        survivor.setUpdatedAt(now);
        survivor.setVersion(survivor.getVersion() + 1);
        survivor.update();

        db.update(CONTACTS)
                .set(CONTACTS.CUSTOMER_ID, survivorId)
                .where(CONTACTS.CUSTOMER_ID.eq(duplicateId))
                .execute();
        db.update(CUSTOMER_TIMELINE)
                .set(CUSTOMER_TIMELINE.CUSTOMER_ID, survivorId)
                .where(CUSTOMER_TIMELINE.CUSTOMER_ID.eq(duplicateId))
                .execute();
        db.update(CUSTOMER_ATTACHMENTS)
                .set(CUSTOMER_ATTACHMENTS.CUSTOMER_ID, survivorId)
                .where(CUSTOMER_ATTACHMENTS.CUSTOMER_ID.eq(duplicateId))
                .execute();
        db.update(CUSTOMER_VALUE_SCORES)
                .set(CUSTOMER_VALUE_SCORES.CUSTOMER_ID, survivorId)
                .where(CUSTOMER_VALUE_SCORES.CUSTOMER_ID.eq(duplicateId))
                .execute();
        db.deleteFrom(CUSTOMER_DISTINCT_PAIRS)
                .where(CUSTOMER_DISTINCT_PAIRS
                        .LOW_ID
                        .eq(duplicateId)
                        .or(CUSTOMER_DISTINCT_PAIRS.HIGH_ID.eq(duplicateId)))
                .execute();
        db.update(CUSTOMERS)
                .set(CUSTOMERS.MERGED_INTO, survivorId)
                .where(CUSTOMERS.MERGED_INTO.eq(duplicateId))
                .execute();
        duplicate.setMergedInto(survivorId);
        duplicate.setStatus("MERGED");
        duplicate.setUpdatedAt(now);
        duplicate.setVersion(duplicate.getVersion() + 1);
        duplicate.update();
        index.remove(duplicateId);
        index.reindexAndFlag(survivorId, management.threshold(), now);
        db.insertInto(CUSTOMER_MERGES)
                .set(CUSTOMER_MERGES.SURVIVOR_ID, survivorId)
                .set(CUSTOMER_MERGES.MERGED_ID, duplicateId)
                .set(
                        CUSTOMER_MERGES.MERGED_BY,
                        currentActor.current().map(a -> a.userId()).orElse(null))
                .set(CUSTOMER_MERGES.MERGED_AT, now)
                .set(CUSTOMER_MERGES.SNAPSHOT, JSON.writeValueAsString(snapshot))
                .execute();
        audit.updated("customer", survivorId, before, CustomerManagement.fields(survivor));
        audit.recorded(
                "customer",
                survivorId,
                "merged",
                Map.of(
                        "mergedId",
                        duplicateId,
                        "mergedName",
                        duplicate.getName(),
                        "score",
                        preview.score(),
                        "matchedOn",
                        preview.matchedOn()));
        audit.recorded("customer", duplicateId, "merged.into", Map.of("survivorId", survivorId, "snapshot", snapshot));
        timeline.record(survivorId, "registry", "合并重复客户：" + duplicate.getName(), "原客户编号 " + duplicateId);
        events.publishEvent(new CustomersMerged(survivorId, duplicateId));
        return management.load(survivorId).orElseThrow();
    }

    public record MergedRecord(String id, String name, OffsetDateTime mergedAt, String mergedBy) {}

    /** Customers merged into this one, newest first (their own history stays under their ids). */
    @Transactional(readOnly = true)
    public List<MergedRecord> mergedInto(long survivorId) {
        return db.select(CUSTOMER_MERGES.MERGED_ID, CUSTOMERS.NAME, CUSTOMER_MERGES.MERGED_AT, USERS.DISPLAY_NAME)
                .from(CUSTOMER_MERGES)
                .join(CUSTOMERS)
                .on(CUSTOMERS.ID.eq(CUSTOMER_MERGES.MERGED_ID))
                .leftJoin(USERS)
                .on(USERS.ID.eq(CUSTOMER_MERGES.MERGED_BY))
                .where(CUSTOMER_MERGES.SURVIVOR_ID.eq(survivorId))
                .orderBy(CUSTOMER_MERGES.MERGED_AT.desc())
                .fetch(r -> new MergedRecord(String.valueOf(r.value1()), r.value2(), r.value3(), r.value4()));
    }

    /** The history of the customer and of every customer merged into it, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(long customerId) {
        management.get(customerId);
        List<AuditEntry> entries = new ArrayList<>(trail.history("customer", customerId));
        for (MergedRecord m : mergedInto(customerId)) {
            entries.addAll(trail.history("customer", m.id()));
        }
        entries.sort((x, y) -> y.occurredAt().compareTo(x.occurredAt()));
        return entries;
    }

    private static String mergeTags(String a, String b) {
        if (b == null) {
            return a;
        }
        if (a == null) {
            return b;
        }
        var set = new java.util.LinkedHashSet<String>();
        for (String t : (a + "," + b).split("[,，]")) {
            if (!t.isBlank()) {
                set.add(t.strip());
            }
        }
        String joined = String.join(",", set);
        return joined.length() > 500 ? a : joined;
    }

    private static Map<String, String> values(CustomerView v) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("shortName", v.shortName());
        m.put("creditCode", v.creditCode());
        m.put("industry", v.industry());
        m.put("province", v.province());
        m.put("city", v.city());
        m.put("address", v.address());
        m.put("size", v.size());
        m.put("source", v.source());
        m.put("phone", v.phone());
        m.put("email", v.email());
        m.put("website", v.website());
        m.put("owner", v.ownerName());
        return m;
    }

    // ---- whole-base duplicate report

    public record Cluster(List<CustomerView> members, double bestScore) {}

    /**
     * Groups every active customer with the candidates it scores at or above the threshold with (blocking-key
     * look-ups per customer, no pairwise scan), as connected clusters. For admins and executives.
     */
    @Transactional(readOnly = true)
    public List<Cluster> clusters(int limit) {
        if (!scopes.current(RecordKind.CUSTOMER).isEverything()) {
            throw new app.lantern.shared.ForbiddenException("the duplicate report is for administrators");
        }
        List<long[]> blocks = index.blocks(app.lantern.customer.matching.DuplicateClusters.MAX_BLOCK);
        var ids = new java.util.TreeSet<Long>();
        blocks.forEach(b -> java.util.Arrays.stream(b).forEach(ids::add));
        Map<Long, MatchProfile> profiles = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            for (MatchProfile p : index.profiles(all.subList(from, Math.min(all.size(), from + 1000)))) {
                profiles.putIfAbsent(p.id(), p);
            }
        }
        var distinct = new java.util.HashSet<Long>();
        db.selectFrom(CUSTOMER_DISTINCT_PAIRS)
                .forEach(r -> distinct.add(
                        app.lantern.customer.matching.DuplicateClusters.pairKey(r.getLowId(), r.getHighId())));
        var found = app.lantern.customer.matching.DuplicateClusters.find(
                consumer -> blocks.forEach(b -> consumer.accept("n:", b)),
                profiles::get,
                management.threshold(),
                distinct);
        List<Cluster> clusters = new ArrayList<>();
        for (var c : found) {
            if (clusters.size() >= limit) {
                break;
            }
            List<CustomerView> views = c.members().stream()
                    .map(management::load)
                    .flatMap(java.util.Optional::stream)
                    .toList();
            if (views.size() >= 2) {
                clusters.add(new Cluster(views, c.bestScore()));
            }
        }
        return clusters;
    }
}
