package app.lantern.pipeline;

import java.time.OffsetDateTime;

/** A document uploaded on an opportunity (stored as an attachment of its customer). */
public record OpportunityDocument(
        long id,
        long opportunityId,
        DocumentKind kind,
        String fileName,
        long sizeBytes,
        String uploadedBy,
        OffsetDateTime uploadedAt) {}
