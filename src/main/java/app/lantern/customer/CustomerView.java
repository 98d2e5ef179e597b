package app.lantern.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A customer as its readers see it (API and pages). Ids are strings in JSON. */
public record CustomerView(
        String id,
        String name,
        String shortName,
        String creditCode,
        String industry,
        String province,
        String city,
        String address,
        String size,
        String source,
        String tags,
        String status,
        String phone,
        String email,
        String website,
        String ownerId,
        String ownerName,
        String tier,
        BigDecimal valueScore,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
