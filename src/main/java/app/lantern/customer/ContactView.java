package app.lantern.customer;

import java.time.OffsetDateTime;

public record ContactView(
        String id,
        String customerId,
        String name,
        String title,
        String phone,
        String mobile,
        String email,
        String wechatId,
        String decisionRole,
        String status,
        String notes,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
