package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_DOCUMENTS;

import app.lantern.audit.AuditLog;
import app.lantern.customer.AttachmentView;
import app.lantern.customer.CustomerTimeline;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents uploaded on an opportunity. The file is stored as an attachment of the opportunity's customer (same type and
 * size limits, and it appears on the customer timeline); the opportunity keeps which document it is. Uploading a
 * competitor comparison feeds the health score. Scoped like the opportunity (404 outside the scope) and audited.
 */
@Service
@Transactional
public class OpportunityDocumentService {

    private final DSLContext db;
    private final OpportunityQueries opportunities;
    private final CustomerTimeline customerFiles;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final HealthEngine health;
    private final Directory directory;

    OpportunityDocumentService(
            DSLContext db,
            OpportunityQueries opportunities,
            CustomerTimeline customerFiles,
            CurrentActor currentActor,
            AuditLog audit,
            HealthEngine health,
            Directory directory) {
        this.db = db;
        this.directory = directory;
        this.opportunities = opportunities;
        this.customerFiles = customerFiles;
        this.currentActor = currentActor;
        this.audit = audit;
        this.health = health;
    }

    /** The largest file accepted (the customer attachment limit). */
    public long maxUploadBytes() {
        return customerFiles.maxAttachmentBytes();
    }

    /** Stores the file within the customer attachment limits (422 naming {@code file} otherwise) and recomputes health. */
    public OpportunityDocument upload(
            long opportunityId,
            DocumentKind kind,
            String fileName,
            String contentType,
            long size,
            InputStream content) {
        OpportunityDetails o = opportunities.visible(opportunityId);
        if (kind == null) {
            throw ValidationException.field("kind", "must be one of COMPETITOR_COMPARISON, PROPOSAL, OTHER");
        }
        AttachmentView stored = customerFiles.upload(o.customerId(), fileName, contentType, size, content);
        long id = db.insertInto(OPPORTUNITY_DOCUMENTS)
                .set(OPPORTUNITY_DOCUMENTS.OPPORTUNITY_ID, opportunityId)
                .set(OPPORTUNITY_DOCUMENTS.KIND, kind.name())
                .set(OPPORTUNITY_DOCUMENTS.CUSTOMER_ATTACHMENT_ID, Long.parseLong(stored.id()))
                .set(OPPORTUNITY_DOCUMENTS.FILE_NAME, stored.fileName())
                .set(OPPORTUNITY_DOCUMENTS.SIZE_BYTES, stored.sizeBytes())
                .set(OPPORTUNITY_DOCUMENTS.UPLOADED_BY, currentActor.require().userId())
                .set(OPPORTUNITY_DOCUMENTS.UPLOADED_AT, stored.uploadedAt())
                .returningResult(OPPORTUNITY_DOCUMENTS.ID)
                .fetchOne()
                .value1();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("documentId", id);
        details.put("kind", kind.name());
        details.put("fileName", stored.fileName());
        details.put("sizeBytes", stored.sizeBytes());
        audit.recorded("opportunity", opportunityId, "document.uploaded", details);
        if (kind == DocumentKind.COMPETITOR_COMPARISON) {
            db.update(OPPORTUNITIES)
                    .set(OPPORTUNITIES.COMPETITOR_DOC, stored.fileName())
                    .set(OPPORTUNITIES.COMPETITOR_DOC_AT, stored.uploadedAt())
                    .where(OPPORTUNITIES.ID.eq(opportunityId))
                    .execute();
            audit.updated(
                    "opportunity",
                    opportunityId,
                    mapOf("competitorDoc", o.competitorDoc()),
                    mapOf("competitorDoc", stored.fileName()));
            if (o.status() == OpportunityStatus.OPEN) {
                health.recompute(opportunityId);
            }
        }
        return require(opportunityId, id);
    }

    @Transactional(readOnly = true)
    public List<OpportunityDocument> of(long opportunityId) {
        opportunities.visible(opportunityId);
        return db.selectFrom(OPPORTUNITY_DOCUMENTS)
                .where(OPPORTUNITY_DOCUMENTS.OPPORTUNITY_ID.eq(opportunityId))
                .orderBy(OPPORTUNITY_DOCUMENTS.UPLOADED_AT.desc(), OPPORTUNITY_DOCUMENTS.ID.desc())
                .fetch(r -> new OpportunityDocument(
                        r.getId(),
                        r.getOpportunityId(),
                        DocumentKind.valueOf(r.getKind()),
                        r.getFileName(),
                        r.getSizeBytes(),
                        directory
                                .user(r.getUploadedBy())
                                .map(UserSummary::displayName)
                                .orElse("#" + r.getUploadedBy()),
                        r.getUploadedAt()));
    }

    /** The document's content for download; audited on the opportunity (and on the customer by its storage). */
    public CustomerTimeline.Download download(long opportunityId, long documentId) {
        OpportunityDetails o = opportunities.visible(opportunityId);
        var r = db.selectFrom(OPPORTUNITY_DOCUMENTS)
                .where(OPPORTUNITY_DOCUMENTS.ID.eq(documentId))
                .and(OPPORTUNITY_DOCUMENTS.OPPORTUNITY_ID.eq(opportunityId))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("document", documentId));
        audit.recorded(
                "opportunity",
                opportunityId,
                "document.downloaded",
                Map.of("documentId", documentId, "fileName", r.getFileName()));
        return customerFiles.download(o.customerId(), r.getCustomerAttachmentId());
    }

    private OpportunityDocument require(long opportunityId, long documentId) {
        return of(opportunityId).stream()
                .filter(d -> d.id() == documentId)
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("document", documentId));
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }
}
