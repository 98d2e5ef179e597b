package app.lantern.conversation;

/**
 * A talk-track pack as a rep sees it in a recommendation: the pack, how relevant it is to what the customer said, its
 * effectiveness from the deals it was used on, and whether that effectiveness is verified (enough closed deals and the
 * win rate's lower confidence bound above the comparable deals' win rate).
 */
public record TalkTrack(
        long id,
        ObjectionCategory category,
        String industry,
        String title,
        String script,
        String caseStudy,
        String roiTemplate,
        String alternativePlan,
        double relevance,
        int closedUses,
        int wonUses,
        double winRateLowerBound,
        double baselineWinRate,
        boolean verified,
        double industryFit,
        double score) {}
