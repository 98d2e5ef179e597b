package app.lantern.pipeline.web;

import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.pipeline.OwnerSelection;
import app.lantern.pipeline.Pipelines;
import app.lantern.shared.PageQuery;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The opportunity list with its filters; htmx requests get only the rows. */
@Controller
class OpportunityListController {

    private final OpportunityQueries queries;
    private final Pipelines pipelines;
    private final OwnerSelection owners;

    OpportunityListController(OpportunityQueries queries, Pipelines pipelines, OwnerSelection owners) {
        this.queries = queries;
        this.pipelines = pipelines;
        this.owners = owners;
    }

    @GetMapping("/opportunities")
    String list(@ModelAttribute("f") OpportunityListFilter f, Model model) {
        PageQuery page = PageQuery.of(f.page(), 50, f.sort(), OpportunityQueries.SORT_FIELDS, "updatedAt,desc");
        model.addAttribute("result", queries.list(f.filter(), page));
        model.addAttribute("pipelines", pipelines.all());
        model.addAttribute("owners", owners.reps());
        model.addAttribute("statuses", OpportunityStatus.values());
        return "pipeline/list";
    }

    @HxRequest
    @GetMapping("/opportunities")
    String rows(@ModelAttribute("f") OpportunityListFilter f, Model model) {
        list(f, model);
        return "pipeline/list :: rows";
    }
}
