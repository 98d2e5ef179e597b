package app.lantern.customer;

import java.time.OffsetDateTime;

public record AttachmentView(
        String id,
        String customerId,
        String fileName,
        String contentType,
        long sizeBytes,
        String uploadedBy,
        OffsetDateTime uploadedAt) {}
