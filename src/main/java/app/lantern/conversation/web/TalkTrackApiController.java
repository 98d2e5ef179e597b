package app.lantern.conversation.web;

import app.lantern.conversation.ObjectionCategory;
import app.lantern.conversation.TalkTrack;
import app.lantern.conversation.TalkTrackInput;
import app.lantern.conversation.TalkTracks;
import app.lantern.shared.ValidationException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/talk-tracks}: the three best packs for what the customer said, usage and rating, manager edits. */
@RestController
@RequestMapping("/api/v1/talk-tracks")
class TalkTrackApiController {

    private final TalkTracks tracks;

    TalkTrackApiController(TalkTracks tracks) {
        this.tracks = tracks;
    }

    record TalkTrackJson(
            String id,
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
            double score) {

        static TalkTrackJson of(TalkTrack t) {
            return new TalkTrackJson(
                    String.valueOf(t.id()),
                    t.category(),
                    t.industry(),
                    t.title(),
                    t.script(),
                    t.caseStudy(),
                    t.roiTemplate(),
                    t.alternativePlan(),
                    round(t.relevance()),
                    t.closedUses(),
                    t.wonUses(),
                    round(t.winRateLowerBound()),
                    round(t.baselineWinRate()),
                    t.verified(),
                    t.industryFit(),
                    round(t.score()));
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }

    record UseRequest(String opportunityId, Integer rating) {}

    @GetMapping("/recommendations")
    List<TalkTrackJson> recommend(@RequestParam String opportunityId, @RequestParam String q) {
        return tracks.recommend(id("opportunityId", opportunityId), q, 3).stream()
                .map(TalkTrackJson::of)
                .toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> create(@RequestBody TalkTrackInput in) {
        return Map.of("id", String.valueOf(tracks.create(in)));
    }

    @PutMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void update(@PathVariable long id, @RequestBody TalkTrackInput in) {
        tracks.update(id, in);
    }

    @PostMapping("/{id}/uses")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void use(@PathVariable long id, @RequestBody UseRequest body) {
        tracks.markUsed(id, id("opportunityId", body.opportunityId()), body.rating());
    }

    static long id(String field, String raw) {
        try {
            return Long.parseLong(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.field(field, "must be an id");
        }
    }
}
