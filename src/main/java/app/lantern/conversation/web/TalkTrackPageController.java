package app.lantern.conversation.web;

import app.lantern.conversation.TalkTracks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The talk-track box of the "通话/纪要" page: three packs for what the customer said, mark used and rate (htmx). */
@Controller
class TalkTrackPageController {

    private final TalkTracks tracks;

    TalkTrackPageController(TalkTracks tracks) {
        this.tracks = tracks;
    }

    @GetMapping("/opportunities/{id}/talk-tracks")
    String recommend(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("opportunityId", id);
        model.addAttribute("tracks", tracks.recommend(id, q, 3));
        return "conversation/opportunity :: tracks";
    }

    @PostMapping("/talk-tracks/{trackId}/uses")
    String use(
            @PathVariable long trackId,
            @RequestParam long opportunityId,
            @RequestParam(required = false) Integer rating,
            Model model) {
        tracks.markUsed(trackId, opportunityId, rating);
        model.addAttribute("rating", rating);
        return "conversation/opportunity :: used";
    }
}
