package app.lantern.customer;

import java.util.List;

/**
 * An existing customer that may be the same company. When the reader may not see it ({@code visible} false), only
 * the fact, its score, reasons and owner are given: {@code id}, {@code name} and every other field are null, so a
 * check by phone, e-mail or name reveals no other team's customer.
 */
public record DuplicateCandidate(
        String id,
        String name,
        double score,
        List<String> matchedOn,
        String ownerName,
        boolean visible,
        String shortName,
        String creditCode,
        String province,
        String city,
        String industry,
        String tier) {}
