package app.lantern.customer;

import java.util.List;

/**
 * An existing customer that may be the same company. When the reader may not see it ({@code visible} false), only
 * the fact, its name, score, reasons and owner are given — never the other team's other fields.
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
