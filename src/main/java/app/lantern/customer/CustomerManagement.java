package app.lantern.customer;

import static lantern.db.Tables.CONTACTS;
import static lantern.db.Tables.CUSTOMERS;
import static lantern.db.Tables.CUSTOMER_DISTINCT_PAIRS;
import static lantern.db.Tables.USERS;

import app.lantern.audit.AuditLog;
import app.lantern.customer.matching.CreditCodes;
import app.lantern.customer.matching.DuplicateMatcher;
import app.lantern.customer.matching.Emails;
import app.lantern.customer.matching.MatchProfile;
import app.lantern.customer.matching.Phones;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.UserSummary;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers and contacts for the pages and the API: list, search, create with duplicate check, edit, owner
 * transfer. Every read and write is scoped to the signed-in user and every change audited.
 */
@Service
@Transactional
public class CustomerManagement {

    public static final Set<String> SORT_FIELDS = Set.of("name", "updatedAt", "createdAt", "tier", "province");

    private final DSLContext db;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final Directory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MatchIndex index;
    private final CustomerTimeline timeline;
    private final Clock clock;
    private final double threshold;

    CustomerManagement(
            DSLContext db,
            DataScopes scopes,
            CurrentActor currentActor,
            Directory directory,
            AuditLog audit,
            ApplicationEventPublisher events,
            MatchIndex index,
            CustomerTimeline timeline,
            Clock clock,
            @Value("${lantern.customer.duplicate-threshold:0.85}") double threshold) {
        this.db = db;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.index = index;
        this.timeline = timeline;
        this.clock = clock;
        this.threshold = threshold;
    }

    /** Filters of the customer list; all optional. */
    public record Filter(String q, String tier, String province, String industry, String status, Long ownerId) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    public double threshold() {
        return threshold;
    }

    @Transactional(readOnly = true)
    public PageResult<CustomerView> list(Filter filter, PageQuery page) {
        Condition where = listCondition(filter);
        long total = db.fetchCount(db.selectOne().from(CUSTOMERS).where(where).limit(PageResult.COUNT_LIMIT + 1));
        List<CustomerView> items = db.select(CUSTOMERS.asterisk(), USERS.DISPLAY_NAME)
                .from(CUSTOMERS)
                .join(USERS)
                .on(USERS.ID.eq(CUSTOMERS.OWNER_ID))
                .where(where)
                .orderBy(sort(page), CUSTOMERS.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(CustomerManagement::view);
        return PageResult.counted(items, page, total);
    }

    /** Every customer of the filtered list, for export (scoped like the list). */
    @Transactional(readOnly = true)
    public void forEach(Filter filter, java.util.function.Consumer<CustomerView> consumer) {
        try (var cursor = db.select(CUSTOMERS.asterisk(), USERS.DISPLAY_NAME)
                .from(CUSTOMERS)
                .join(USERS)
                .on(USERS.ID.eq(CUSTOMERS.OWNER_ID))
                .where(listCondition(filter))
                .orderBy(CUSTOMERS.ID)
                .fetchSize(500)
                .fetchLazy()) {
            cursor.forEach(r -> consumer.accept(view(r)));
        }
    }

    Condition listCondition(Filter filter) {
        DataScope scope = scopes.current(RecordKind.CUSTOMER);
        Condition where = scope.condition(CUSTOMERS.OWNER_ID).and(CUSTOMERS.MERGED_INTO.isNull());
        if (!Texts.isBlank(filter.q())) {
            String pattern = "%"
                    + filter.q()
                            .strip()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%";
            Condition text =
                    CUSTOMERS.NAME.likeIgnoreCase(pattern, '\\').or(CUSTOMERS.SHORT_NAME.likeIgnoreCase(pattern, '\\'));
            // a credit code is 18 ASCII letters and digits: text with any other character cannot be part of one,
            // and leaving it out lets PostgreSQL combine the two name trigram indexes instead of reading every row
            if (filter.q().strip().chars().allMatch(ch -> ch < 128)) {
                text = text.or(CUSTOMERS.CREDIT_CODE.likeIgnoreCase(pattern, '\\'));
            }
            where = where.and(text);
        }
        if (!Texts.isBlank(filter.tier())) {
            where = "NONE".equals(filter.tier())
                    ? where.and(CUSTOMERS.TIER.isNull())
                    : where.and(CUSTOMERS.TIER.eq(filter.tier()));
        }
        if (!Texts.isBlank(filter.province())) {
            where = where.and(CUSTOMERS.PROVINCE.eq(filter.province()));
        }
        if (!Texts.isBlank(filter.industry())) {
            where = where.and(CUSTOMERS.INDUSTRY.eq(filter.industry()));
        }
        if (!Texts.isBlank(filter.status())) {
            where = where.and(CUSTOMERS.STATUS.eq(filter.status()));
        }
        if (filter.ownerId() != null) {
            where = where.and(CUSTOMERS.OWNER_ID.eq(filter.ownerId()));
        }
        return where;
    }

    private static SortField<?> sort(PageQuery page) {
        var field = switch (page.sortField()) {
            case "name" -> CUSTOMERS.NAME;
            case "createdAt" -> CUSTOMERS.CREATED_AT;
            case "tier" -> CUSTOMERS.TIER;
            case "province" -> CUSTOMERS.PROVINCE;
            default -> CUSTOMERS.UPDATED_AT;
        };
        return page.descending() ? field.desc() : field.asc();
    }

    /** Distinct provinces and industries among the reader's customers, for filter drop-downs. */
    @Transactional(readOnly = true)
    public Map<String, List<String>> facets() {
        Condition where = scopes.current(RecordKind.CUSTOMER)
                .condition(CUSTOMERS.OWNER_ID)
                .and(CUSTOMERS.MERGED_INTO.isNull());
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put(
                "province",
                db.selectDistinct(CUSTOMERS.PROVINCE)
                        .from(CUSTOMERS)
                        .where(where)
                        .and(CUSTOMERS.PROVINCE.isNotNull())
                        .orderBy(CUSTOMERS.PROVINCE)
                        .fetch(CUSTOMERS.PROVINCE));
        facets.put(
                "industry",
                db.selectDistinct(CUSTOMERS.INDUSTRY)
                        .from(CUSTOMERS)
                        .where(where)
                        .and(CUSTOMERS.INDUSTRY.isNotNull())
                        .orderBy(CUSTOMERS.INDUSTRY)
                        .fetch(CUSTOMERS.INDUSTRY));
        return facets;
    }

    /** The customer if the reader may see it; 404 otherwise (merged customers too). */
    @Transactional(readOnly = true)
    public CustomerView get(long id) {
        CustomerView view = load(id).orElseThrow(() -> NotFoundException.of("customer", id));
        scopes.current(RecordKind.CUSTOMER).require(Long.parseLong(view.ownerId()), "customer", id);
        return view;
    }

    java.util.Optional<CustomerView> load(long id) {
        return db.select(CUSTOMERS.asterisk(), USERS.DISPLAY_NAME)
                .from(CUSTOMERS)
                .join(USERS)
                .on(USERS.ID.eq(CUSTOMERS.OWNER_ID))
                .where(CUSTOMERS.ID.eq(id))
                .and(CUSTOMERS.MERGED_INTO.isNull())
                .fetchOptional(CustomerManagement::view);
    }

    /** Field errors of a form, without saving (inline validation). */
    @Transactional(readOnly = true)
    public List<FieldErrors.FieldError> validate(CustomerForm form, boolean creating) {
        FieldErrors errors = new FieldErrors();
        check(errors, form, creating);
        return errors.list();
    }

    private void check(FieldErrors errors, CustomerForm f, boolean creating) {
        if (creating || f.name() != null) {
            Texts.require(errors, "name", f.name(), 200);
        }
        Texts.maxLength(errors, "shortName", f.shortName(), 100);
        if (!Texts.isBlank(f.creditCode()) && !CreditCodes.isValid(f.creditCode())) {
            errors.add(
                    "creditCode",
                    "is not a valid unified social credit code (18 characters with a GB 32100 check digit)");
        }
        Texts.maxLength(errors, "industry", f.industry(), 100);
        Texts.maxLength(errors, "province", f.province(), 50);
        Texts.maxLength(errors, "city", f.city(), 50);
        Texts.maxLength(errors, "address", f.address(), 300);
        Texts.maxLength(errors, "source", f.source(), 50);
        Texts.maxLength(errors, "tags", f.tags(), 500);
        Texts.maxLength(errors, "website", f.website(), 200);
        if (!Texts.isBlank(f.size()) && !CustomerForm.SIZES.contains(f.size())) {
            errors.add("size", "must be one of " + CustomerForm.SIZES);
        }
        if (!Texts.isBlank(f.status()) && !CustomerForm.STATUSES.contains(f.status())) {
            errors.add("status", "must be one of " + CustomerForm.STATUSES);
        }
        if (!Texts.isBlank(f.phone()) && !Phones.isValid(f.phone())) {
            errors.add("phone", "is not a valid phone number");
        }
        if (!Texts.isBlank(f.email()) && !Emails.isValid(f.email())) {
            errors.add("email", "is not a valid e-mail address");
        }
        if (!Texts.isBlank(f.ownerId())) {
            try {
                long owner = Long.parseLong(f.ownerId().strip());
                if (directory.user(owner).filter(UserSummary::active).isEmpty()
                        || !scopes.current(RecordKind.CUSTOMER).covers(owner)) {
                    errors.add("ownerId", "is not a user you can assign customers to");
                }
            } catch (NumberFormatException e) {
                errors.add("ownerId", "must be a user id");
            }
        }
    }

    /**
     * Creates a customer. Unless {@code confirmNotDuplicate}, a candidate scoring at or above the threshold stops it
     * with 409 and the candidates (the reader sees only the owner of candidates outside their scope).
     */
    public CustomerView create(CustomerForm form, boolean confirmNotDuplicate) {
        return create(form, confirmNotDuplicate, null);
    }

    /** As {@link #create(CustomerForm, boolean)}, keeping a historical creation time (imports). */
    public CustomerView create(CustomerForm form, boolean confirmNotDuplicate, OffsetDateTime createdAt) {
        FieldErrors errors = new FieldErrors();
        check(errors, form, true);
        errors.throwIfAny();
        if (!confirmNotDuplicate) {
            List<DuplicateCandidate> candidates =
                    duplicates(new DuplicateQuery(form.name(), form.phone(), form.email(), form.creditCode(), null))
                            .stream()
                            .filter(c -> c.score() >= threshold)
                            .toList();
            if (!candidates.isEmpty()) {
                throw new ConflictException(
                        "a customer that may be the same company exists; link to it, merge, or confirm that this is a new customer",
                        Map.of("candidates", candidates));
            }
        }
        Actor actor = currentActor.require();
        long owner = Texts.isBlank(form.ownerId())
                ? actor.userId()
                : Long.parseLong(form.ownerId().strip());
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime created = createdAt == null ? now : createdAt;
        var r = db.newRecord(CUSTOMERS);
        r.setName(form.name().strip());
        r.setShortName(Texts.clean(form.shortName()));
        r.setCreditCode(CreditCodes.normalize(Texts.clean(form.creditCode())));
        r.setIndustry(Texts.clean(form.industry()));
        r.setProvince(Texts.clean(form.province()));
        r.setCity(Texts.clean(form.city()));
        r.setAddress(Texts.clean(form.address()));
        r.setSize(Texts.clean(form.size()));
        r.setSource(Texts.clean(form.source()));
        r.setTags(Texts.clean(form.tags()));
        r.setStatus(Texts.isBlank(form.status()) ? "ACTIVE" : form.status());
        r.setPhone(Texts.clean(form.phone()));
        r.setEmail(Texts.clean(form.email()));
        r.setWebsite(Texts.clean(form.website()));
        r.setOwnerId(owner);
        r.setCreatedAt(created);
        r.setUpdatedAt(created.isAfter(now) ? created : now);
        r.store();
        long id = r.getId();
        index.reindexAndFlag(id, threshold, now);
        audit.created("customer", id, fields(r));
        events.publishEvent(new CustomerCreated(id, owner));
        return load(id).orElseThrow();
    }

    /** Changes the given fields (null = unchanged, "" = clear). Owner changes go through {@link #transferOwner}. */
    public CustomerView update(long id, CustomerForm form, Integer expectedVersion) {
        var r = db.selectFrom(CUSTOMERS)
                .where(CUSTOMERS.ID.eq(id))
                .and(CUSTOMERS.MERGED_INTO.isNull())
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("customer", id));
        scopes.current(RecordKind.CUSTOMER).require(r.getOwnerId(), "customer", id);
        if (expectedVersion != null && !expectedVersion.equals(r.getVersion())) {
            throw new ConflictException(
                    "the customer was changed by someone else; reload it and apply your change again");
        }
        FieldErrors errors = new FieldErrors();
        check(
                errors,
                new CustomerForm(
                        form.name(),
                        form.shortName(),
                        form.creditCode(),
                        form.industry(),
                        form.province(),
                        form.city(),
                        form.address(),
                        form.size(),
                        form.source(),
                        form.tags(),
                        form.status(),
                        form.phone(),
                        form.email(),
                        form.website(),
                        null),
                false);
        if (form.name() != null && form.name().isBlank()) {
            errors.add("name", "must not be blank");
        }
        if ("".equals(form.status())) {
            errors.add("status", "must not be blank");
        }
        errors.throwIfAny();
        Map<String, Object> before = fields(r);
        if (form.name() != null) {
            r.setName(form.name().strip());
        }
        if (form.shortName() != null) {
            r.setShortName(Texts.clean(form.shortName()));
        }
        if (form.creditCode() != null) {
            r.setCreditCode(CreditCodes.normalize(Texts.clean(form.creditCode())));
        }
        if (form.industry() != null) {
            r.setIndustry(Texts.clean(form.industry()));
        }
        if (form.province() != null) {
            r.setProvince(Texts.clean(form.province()));
        }
        if (form.city() != null) {
            r.setCity(Texts.clean(form.city()));
        }
        if (form.address() != null) {
            r.setAddress(Texts.clean(form.address()));
        }
        if (form.size() != null) {
            r.setSize(Texts.clean(form.size()));
        }
        if (form.source() != null) {
            r.setSource(Texts.clean(form.source()));
        }
        if (form.tags() != null) {
            r.setTags(Texts.clean(form.tags()));
        }
        if (form.status() != null) {
            r.setStatus(form.status());
        }
        if (form.phone() != null) {
            r.setPhone(Texts.clean(form.phone()));
        }
        if (form.email() != null) {
            r.setEmail(Texts.clean(form.email()));
        }
        if (form.website() != null) {
            r.setWebsite(Texts.clean(form.website()));
        }
        Map<String, Object> after = fields(r);
        if (!after.equals(before)) {
            r.setUpdatedAt(OffsetDateTime.now(clock));
            r.setVersion(r.getVersion() + 1);
            r.update();
            index.reindexAndFlag(id, threshold, r.getUpdatedAt());
            audit.updated("customer", id, before, after);
        }
        if (form.ownerId() != null
                && !form.ownerId().isBlank()
                && !form.ownerId().strip().equals(String.valueOf(r.getOwnerId()))) {
            transferOwner(id, Long.parseLong(form.ownerId().strip()));
        }
        return load(id).orElseThrow();
    }

    /** Hands the customer to another user the actor's scope covers (a rep may hand over their own customers). */
    public CustomerView transferOwner(long id, long newOwnerId) {
        var r = db.selectFrom(CUSTOMERS)
                .where(CUSTOMERS.ID.eq(id))
                .and(CUSTOMERS.MERGED_INTO.isNull())
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("customer", id));
        DataScope scope = scopes.current(RecordKind.CUSTOMER);
        scope.require(r.getOwnerId(), "customer", id);
        UserSummary target = directory
                .user(newOwnerId)
                .filter(UserSummary::active)
                .orElseThrow(() -> ValidationException.field("ownerId", "is not an active user"));
        Actor actor = currentActor.require();
        boolean sameTeam = actor.teamId() != null && actor.teamId().equals(target.teamId());
        if (!scope.covers(newOwnerId) && !sameTeam) {
            throw ValidationException.unprocessable("ownerId", "you can hand customers only to people in your team");
        }
        long from = r.getOwnerId();
        if (from == newOwnerId) {
            return load(id).orElseThrow();
        }
        r.setOwnerId(newOwnerId);
        r.setUpdatedAt(OffsetDateTime.now(clock));
        r.setVersion(r.getVersion() + 1);
        r.update();
        audit.updated("customer", id, Map.of("ownerId", from), Map.of("ownerId", newOwnerId));
        events.publishEvent(new CustomerOwnerChanged(id, from, newOwnerId));
        return load(id).orElseThrow();
    }

    /** Candidates for a query, best first, scored 0–1; includes those below the threshold down to 0.6 for context. */
    @Transactional(readOnly = true)
    public List<DuplicateCandidate> duplicates(DuplicateQuery query) {
        if (Texts.isBlank(query.name())
                && Texts.isBlank(query.phone())
                && Texts.isBlank(query.email())
                && Texts.isBlank(query.creditCode())) {
            throw ValidationException.field("name", "give at least one of name, phone, email, creditCode");
        }
        long self = query.excludeId() == null ? -1 : query.excludeId();
        MatchProfile profile = MatchProfile.of(
                self,
                query.name(),
                query.phone() == null ? List.of() : List.of(query.phone()),
                query.email() == null ? List.of() : List.of(query.email()),
                query.creditCode());
        List<DuplicateMatcher.Match> matches = DuplicateMatcher.candidates(profile, index, 0.6, 10);
        Set<Long> distinct = self < 0 ? Set.of() : distinctFrom(self);
        return candidatesFor(
                matches.stream().filter(m -> !distinct.contains(m.id())).toList());
    }

    List<DuplicateCandidate> candidatesFor(List<DuplicateMatcher.Match> matches) {
        if (matches.isEmpty()) {
            return List.of();
        }
        DataScope scope = scopes.current(RecordKind.CUSTOMER);
        Map<Long, Record> rows = new LinkedHashMap<>();
        db.select(CUSTOMERS.asterisk(), USERS.DISPLAY_NAME)
                .from(CUSTOMERS)
                .join(USERS)
                .on(USERS.ID.eq(CUSTOMERS.OWNER_ID))
                .where(CUSTOMERS.ID.in(
                        matches.stream().map(DuplicateMatcher.Match::id).toList()))
                .forEach(r -> rows.put(r.get(CUSTOMERS.ID), r));
        List<DuplicateCandidate> result = new ArrayList<>();
        for (DuplicateMatcher.Match m : matches) {
            Record r = rows.get(m.id());
            if (r == null) {
                continue;
            }
            boolean visible = scope.covers(r.get(CUSTOMERS.OWNER_ID));
            result.add(
                    visible
                            ? new DuplicateCandidate(
                                    String.valueOf(m.id()),
                                    r.get(CUSTOMERS.NAME),
                                    m.score(),
                                    m.matchedOn(),
                                    r.get(USERS.DISPLAY_NAME),
                                    true,
                                    r.get(CUSTOMERS.SHORT_NAME),
                                    r.get(CUSTOMERS.CREDIT_CODE),
                                    r.get(CUSTOMERS.PROVINCE),
                                    r.get(CUSTOMERS.CITY),
                                    r.get(CUSTOMERS.INDUSTRY),
                                    r.get(CUSTOMERS.TIER))
                            : new DuplicateCandidate(
                                    null,
                                    null,
                                    m.score(),
                                    m.matchedOn(),
                                    r.get(USERS.DISPLAY_NAME),
                                    false,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null));
        }
        return result;
    }

    /** Records that the two customers are different companies, so neither is offered as the other's duplicate again. */
    public void confirmDistinct(long a, long b) {
        get(a);
        if (a == b) {
            throw ValidationException.field("duplicateId", "must be another customer");
        }
        // the other customer answers 404 when unknown or outside the reader's scope, as it would on its own
        get(b);
        long actor = currentActor.require().userId();
        long low = Math.min(a, b);
        long high = Math.max(a, b);
        if (db.fetchExists(
                CUSTOMER_DISTINCT_PAIRS,
                CUSTOMER_DISTINCT_PAIRS.LOW_ID.eq(low).and(CUSTOMER_DISTINCT_PAIRS.HIGH_ID.eq(high)))) {
            index.dismiss(a, b);
            return;
        }
        db.insertInto(CUSTOMER_DISTINCT_PAIRS)
                .set(CUSTOMER_DISTINCT_PAIRS.LOW_ID, low)
                .set(CUSTOMER_DISTINCT_PAIRS.HIGH_ID, high)
                .set(CUSTOMER_DISTINCT_PAIRS.DECIDED_BY, actor)
                .set(CUSTOMER_DISTINCT_PAIRS.DECIDED_AT, OffsetDateTime.now(clock))
                .execute();
        index.dismiss(a, b);
        audit.recorded("customer", a, "duplicate.dismissed", Map.of("otherCustomerId", b));
    }

    Set<Long> distinctFrom(long id) {
        Set<Long> result = new HashSet<>();
        db.selectFrom(CUSTOMER_DISTINCT_PAIRS)
                .where(CUSTOMER_DISTINCT_PAIRS.LOW_ID.eq(id).or(CUSTOMER_DISTINCT_PAIRS.HIGH_ID.eq(id)))
                .forEach(r -> result.add(r.getLowId() == id ? r.getHighId() : r.getLowId()));
        return result;
    }

    // ---- import (the caller validated the form and decided the owner; each new customer audited by the importer)

    /** A row of an import to insert: the customer, its one contact (or null), its historical creation time (or null). */
    record ImportedRow(CustomerForm form, ContactForm contact, OffsetDateTime createdAt) {}

    /**
     * Inserts imported customers (and their contacts) with one statement per table, each owned by its form's owner
     * (resolved by the import) or {@code ownerId}; returns their ids in the order
     * of {@code rows}. Identity values grow within one statement on H2 and PostgreSQL, so sorted ids follow the rows.
     */
    List<Long> insertImported(List<ImportedRow> rows, long ownerId) {
        return insertImported(rows, null, ownerId);
    }

    /** As {@link #insertImported(List, long)}, each customer with its external id ({@code externalIds} null: none). */
    List<Long> insertImported(List<ImportedRow> rows, List<String> externalIds, long ownerId) {
        if (rows.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var c = CUSTOMERS;
        var insert = db.insertInto(
                c,
                c.NAME,
                c.SHORT_NAME,
                c.CREDIT_CODE,
                c.INDUSTRY,
                c.PROVINCE,
                c.CITY,
                c.ADDRESS,
                c.SIZE,
                c.SOURCE,
                c.TAGS,
                c.STATUS,
                c.PHONE,
                c.EMAIL,
                c.WEBSITE,
                c.OWNER_ID,
                c.EXTERNAL_ID,
                c.CREATED_AT,
                c.UPDATED_AT);
        for (int i = 0; i < rows.size(); i++) {
            ImportedRow row = rows.get(i);
            CustomerForm form = row.form();
            insert = insert.values(
                    form.name().strip(),
                    Texts.clean(form.shortName()),
                    CreditCodes.normalize(Texts.clean(form.creditCode())),
                    Texts.clean(form.industry()),
                    Texts.clean(form.province()),
                    Texts.clean(form.city()),
                    Texts.clean(form.address()),
                    Texts.clean(form.size()),
                    Texts.isBlank(form.source()) ? "导入" : form.source().strip(),
                    Texts.clean(form.tags()),
                    Texts.isBlank(form.status()) ? "ACTIVE" : form.status(),
                    Texts.clean(form.phone()),
                    Texts.clean(form.email()),
                    Texts.clean(form.website()),
                    Texts.isBlank(form.ownerId()) ? ownerId : Long.parseLong(form.ownerId()),
                    externalIds == null ? null : externalIds.get(i),
                    row.createdAt() == null ? now : row.createdAt(),
                    now);
        }
        List<Long> ids = new ArrayList<>(insert.returningResult(c.ID).fetch(c.ID));
        ids.sort(null);
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("inserted " + rows.size() + " customers but got " + ids.size() + " ids");
        }
        List<Long> owners = new ArrayList<>();
        List<ContactForm> contacts = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contact() != null) {
                owners.add(ids.get(i));
                contacts.add(rows.get(i).contact());
                times.add(rows.get(i).createdAt());
            }
        }
        insertContacts(owners, contacts, times);
        return ids;
    }

    /** Inserts contacts of imported rows, one statement for all. */
    void insertContacts(List<Long> customerIds, List<ContactForm> forms, List<OffsetDateTime> createdAt) {
        if (customerIds.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var k = CONTACTS;
        var insert = db.insertInto(
                k, k.CUSTOMER_ID, k.NAME, k.TITLE, k.MOBILE, k.EMAIL, k.STATUS, k.CREATED_AT, k.UPDATED_AT);
        for (int i = 0; i < customerIds.size(); i++) {
            ContactForm form = forms.get(i);
            insert = insert.values(
                    customerIds.get(i),
                    form.name().length() > 100 ? form.name().substring(0, 100) : form.name(),
                    Texts.clean(form.title()),
                    Texts.clean(form.mobile()),
                    Texts.clean(form.email()),
                    "ACTIVE",
                    createdAt.get(i) == null ? now : createdAt.get(i),
                    now);
        }
        insert.execute();
    }

    /** Fills the customer's blank fields from an imported row (a merge of the row into the existing customer). */
    void fillBlanks(long id, CustomerForm form) {
        var r = db.selectFrom(CUSTOMERS).where(CUSTOMERS.ID.eq(id)).fetchOne();
        Map<String, Object> before = fields(r);
        if (r.getShortName() == null) r.setShortName(Texts.clean(form.shortName()));
        if (r.getCreditCode() == null) r.setCreditCode(CreditCodes.normalize(Texts.clean(form.creditCode())));
        if (r.getIndustry() == null) r.setIndustry(Texts.clean(form.industry()));
        if (r.getProvince() == null) r.setProvince(Texts.clean(form.province()));
        if (r.getCity() == null) r.setCity(Texts.clean(form.city()));
        if (r.getAddress() == null) r.setAddress(Texts.clean(form.address()));
        if (r.getSize() == null) r.setSize(Texts.clean(form.size()));
        if (r.getPhone() == null) r.setPhone(Texts.clean(form.phone()));
        if (r.getEmail() == null) r.setEmail(Texts.clean(form.email()));
        if (r.getWebsite() == null) r.setWebsite(Texts.clean(form.website()));
        Map<String, Object> after = fields(r);
        if (!after.equals(before)) {
            r.setUpdatedAt(OffsetDateTime.now(clock));
            r.setVersion(r.getVersion() + 1);
            r.update();
            index.reindex(id);
            audit.updated("customer", id, before, after);
        }
    }

    // ---- contacts

    @Transactional(readOnly = true)
    public List<ContactView> contacts(long customerId) {
        get(customerId);
        return db.selectFrom(CONTACTS)
                .where(CONTACTS.CUSTOMER_ID.eq(customerId))
                .orderBy(CONTACTS.STATUS, CONTACTS.ID)
                .fetch(CustomerManagement::contact);
    }

    public ContactView addContact(long customerId, ContactForm form) {
        get(customerId);
        FieldErrors errors = new FieldErrors();
        checkContact(errors, form, true);
        errors.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        var r = db.newRecord(CONTACTS);
        r.setCustomerId(customerId);
        r.setName(form.name().strip());
        r.setTitle(Texts.clean(form.title()));
        r.setPhone(Texts.clean(form.phone()));
        r.setMobile(Texts.clean(form.mobile()));
        r.setEmail(Texts.clean(form.email()));
        r.setWechatId(Texts.clean(form.wechatId()));
        r.setDecisionRole(Texts.clean(form.decisionRole()));
        r.setStatus(Texts.isBlank(form.status()) ? "ACTIVE" : form.status());
        r.setNotes(Texts.clean(form.notes()));
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.store();
        index.reindex(customerId);
        audit.created("contact", r.getId(), contactFields(r));
        timeline.record(
                customerId,
                "contact",
                "新增联系人：" + r.getName() + (r.getTitle() == null ? "" : "（" + r.getTitle() + "）"),
                null);
        touch(customerId);
        return contact(r);
    }

    public ContactView updateContact(long customerId, long contactId, ContactForm form) {
        get(customerId);
        var r = db.selectFrom(CONTACTS)
                .where(CONTACTS.ID.eq(contactId))
                .and(CONTACTS.CUSTOMER_ID.eq(customerId))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("contact", contactId));
        FieldErrors errors = new FieldErrors();
        checkContact(errors, form, false);
        if (form.name() != null && form.name().isBlank()) {
            errors.add("name", "must not be blank");
        }
        errors.throwIfAny();
        Map<String, Object> before = contactFields(r);
        if (form.name() != null) {
            r.setName(form.name().strip());
        }
        if (form.title() != null) {
            r.setTitle(Texts.clean(form.title()));
        }
        if (form.phone() != null) {
            r.setPhone(Texts.clean(form.phone()));
        }
        if (form.mobile() != null) {
            r.setMobile(Texts.clean(form.mobile()));
        }
        if (form.email() != null) {
            r.setEmail(Texts.clean(form.email()));
        }
        if (form.wechatId() != null) {
            r.setWechatId(Texts.clean(form.wechatId()));
        }
        if (form.decisionRole() != null) {
            r.setDecisionRole(Texts.clean(form.decisionRole()));
        }
        if (form.status() != null && !form.status().isBlank()) {
            r.setStatus(form.status());
        }
        if (form.notes() != null) {
            r.setNotes(Texts.clean(form.notes()));
        }
        Map<String, Object> after = contactFields(r);
        if (!after.equals(before)) {
            r.setUpdatedAt(OffsetDateTime.now(clock));
            r.setVersion(r.getVersion() + 1);
            r.update();
            index.reindex(customerId);
            audit.updated("contact", contactId, before, after);
            String what = "LEFT".equals(r.getStatus()) && !"LEFT".equals(before.get("status")) ? "联系人已离职：" : "联系人信息更新：";
            timeline.record(customerId, "contact", what + r.getName(), null);
            touch(customerId);
        }
        return contact(r);
    }

    private void checkContact(FieldErrors errors, ContactForm f, boolean creating) {
        if (creating || f.name() != null) {
            Texts.require(errors, "name", f.name(), 100);
        }
        Texts.maxLength(errors, "title", f.title(), 100);
        Texts.maxLength(errors, "wechatId", f.wechatId(), 100);
        Texts.maxLength(errors, "notes", f.notes(), 500);
        if (!Texts.isBlank(f.phone()) && !Phones.isValid(f.phone())) {
            errors.add("phone", "is not a valid phone number");
        }
        if (!Texts.isBlank(f.mobile()) && !Phones.isValid(f.mobile())) {
            errors.add("mobile", "is not a valid phone number");
        }
        if (!Texts.isBlank(f.email()) && !Emails.isValid(f.email())) {
            errors.add("email", "is not a valid e-mail address");
        }
        if (!Texts.isBlank(f.decisionRole()) && !ContactForm.ROLES.contains(f.decisionRole())) {
            errors.add("decisionRole", "must be one of " + ContactForm.ROLES);
        }
        if (!Texts.isBlank(f.status()) && !ContactForm.STATUSES.contains(f.status())) {
            errors.add("status", "must be one of " + ContactForm.STATUSES);
        }
    }

    void touch(long customerId) {
        db.update(CUSTOMERS)
                .set(CUSTOMERS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(CUSTOMERS.ID.eq(customerId))
                .execute();
    }

    /** Users the actor may assign customers to: everyone in their scope, or their team mates. */
    @Transactional(readOnly = true)
    public List<UserSummary> assignableOwners() {
        Actor actor = currentActor.require();
        DataScope scope = scopes.current(RecordKind.CUSTOMER);
        return directory.users().stream()
                .filter(UserSummary::active)
                .filter(u -> scope.covers(u.id())
                        || (actor.teamId() != null && actor.teamId().equals(u.teamId())))
                .filter(u -> u.roles().contains(app.lantern.identity.Role.REP)
                        || u.roles().contains(app.lantern.identity.Role.MANAGER))
                .toList();
    }

    static Map<String, Object> fields(lantern.db.tables.records.CustomersRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.getName());
        m.put("shortName", r.getShortName());
        m.put("creditCode", r.getCreditCode());
        m.put("industry", r.getIndustry());
        m.put("province", r.getProvince());
        m.put("city", r.getCity());
        m.put("address", r.getAddress());
        m.put("size", r.getSize());
        m.put("source", r.getSource());
        m.put("tags", r.getTags());
        m.put("status", r.getStatus());
        m.put("phone", r.getPhone());
        m.put("email", r.getEmail());
        m.put("website", r.getWebsite());
        m.put("ownerId", r.getOwnerId());
        return m;
    }

    static Map<String, Object> contactFields(lantern.db.tables.records.ContactsRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", r.getCustomerId());
        m.put("name", r.getName());
        m.put("title", r.getTitle());
        m.put("phone", r.getPhone());
        m.put("mobile", r.getMobile());
        m.put("email", r.getEmail());
        m.put("wechatId", r.getWechatId());
        m.put("decisionRole", r.getDecisionRole());
        m.put("status", r.getStatus());
        return m;
    }

    static CustomerView view(Record r) {
        return new CustomerView(
                String.valueOf(r.get(CUSTOMERS.ID)),
                r.get(CUSTOMERS.NAME),
                r.get(CUSTOMERS.SHORT_NAME),
                r.get(CUSTOMERS.CREDIT_CODE),
                r.get(CUSTOMERS.INDUSTRY),
                r.get(CUSTOMERS.PROVINCE),
                r.get(CUSTOMERS.CITY),
                r.get(CUSTOMERS.ADDRESS),
                r.get(CUSTOMERS.SIZE),
                r.get(CUSTOMERS.SOURCE),
                r.get(CUSTOMERS.TAGS),
                r.get(CUSTOMERS.STATUS),
                r.get(CUSTOMERS.PHONE),
                r.get(CUSTOMERS.EMAIL),
                r.get(CUSTOMERS.WEBSITE),
                String.valueOf(r.get(CUSTOMERS.OWNER_ID)),
                r.get(USERS.DISPLAY_NAME),
                r.get(CUSTOMERS.TIER),
                r.get(CUSTOMERS.VALUE_SCORE),
                r.get(CUSTOMERS.CREATED_AT),
                r.get(CUSTOMERS.UPDATED_AT),
                r.get(CUSTOMERS.VERSION));
    }

    static ContactView contact(Record r) {
        return new ContactView(
                String.valueOf(r.get(CONTACTS.ID)),
                String.valueOf(r.get(CONTACTS.CUSTOMER_ID)),
                r.get(CONTACTS.NAME),
                r.get(CONTACTS.TITLE),
                r.get(CONTACTS.PHONE),
                r.get(CONTACTS.MOBILE),
                r.get(CONTACTS.EMAIL),
                r.get(CONTACTS.WECHAT_ID),
                r.get(CONTACTS.DECISION_ROLE),
                r.get(CONTACTS.STATUS),
                r.get(CONTACTS.NOTES),
                r.get(CONTACTS.CREATED_AT),
                r.get(CONTACTS.UPDATED_AT));
    }

    static Condition noop() {
        return DSL.noCondition();
    }
}
