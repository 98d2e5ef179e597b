package app.lantern.alert.web;

import app.lantern.alert.DailyBrief;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.notification.Previews;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The daily brief as its reader sees it ({@code /briefs}: a rep their own, a manager a rep of their teams or the team
 * digest), and, apart from it, the admin's preview of exactly what each channel receives ({@code /admin/briefs/preview},
 * guarded with the rest of {@code /admin/**}).
 */
@Controller
class BriefController {

    private final DailyBrief briefs;
    private final Previews previews;
    private final CurrentActor currentActor;
    private final DataScopes scopes;
    private final Directory directory;
    private final Clock clock;

    BriefController(
            DailyBrief briefs,
            Previews previews,
            CurrentActor currentActor,
            DataScopes scopes,
            Directory directory,
            Clock clock) {
        this.briefs = briefs;
        this.previews = previews;
        this.currentActor = currentActor;
        this.scopes = scopes;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/briefs")
    String brief(
            @RequestParam(required = false) Long repId,
            @RequestParam(defaultValue = "false") boolean team,
            Model model) {
        select(repId, team, model);
        return "alert/brief";
    }

    @GetMapping("/admin/briefs/preview")
    String preview(
            @RequestParam(required = false) Long repId,
            @RequestParam(defaultValue = "false") boolean team,
            Model model) {
        DailyBrief.Brief brief = select(repId, team, model);
        model.addAttribute(
                "previews", previews.render(brief.recipientId(), brief.title(), brief.markdown(), brief.link()));
        return "alert/brief-preview";
    }

    /** The brief asked for, within the reader's scope (another team's rep answers 404). */
    private DailyBrief.Brief select(Long repId, boolean team, Model model) {
        Actor me = currentActor.require();
        LocalDate day = LocalDate.now(clock);
        var scope = scopes.current(RecordKind.OPPORTUNITY);
        List<UserSummary> reps = directory.usersWithRole(Role.REP).stream()
                .filter(u -> scope.covers(u.id()))
                .toList();
        DailyBrief.Brief brief;
        if (team && me.has(Role.MANAGER)) {
            brief = briefs.forManager(me.userId(), day);
        } else {
            long id = repId != null
                    ? repId
                    : me.has(Role.REP)
                            ? me.userId()
                            : reps.isEmpty() ? me.userId() : reps.getFirst().id();
            scope.require(id, "rep", id);
            brief = briefs.forRep(id, day);
        }
        model.addAttribute("brief", brief);
        model.addAttribute("reps", reps);
        model.addAttribute("selected", team ? null : brief.recipientId());
        model.addAttribute("team", team);
        model.addAttribute("canTeam", me.has(Role.MANAGER));
        return brief;
    }
}
