package app.lantern.search.web;

import app.lantern.search.GlobalSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The global search: the full results page and the dropdown the navbar box fills as the user types. */
@Controller
class SearchController {

    private static final int PAGE_PER_KIND = 50;
    private static final int DROPDOWN_PER_KIND = 3;
    private static final int MAX_TERM = 100;

    private final GlobalSearch search;

    SearchController(GlobalSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    String page(@RequestParam(name = "q", required = false) String q, Model model) {
        fill(model, q, PAGE_PER_KIND);
        return "search/page";
    }

    @GetMapping("/search/suggest")
    String suggest(@RequestParam(name = "q", required = false) String q, Model model) {
        fill(model, q, DROPDOWN_PER_KIND);
        return "search/box :: suggestions";
    }

    private void fill(Model model, String q, int perKind) {
        String term = q == null ? "" : q.strip();
        if (term.length() > MAX_TERM) {
            term = term.substring(0, MAX_TERM);
        }
        model.addAttribute("q", term);
        model.addAttribute("hits", search.search(term, perKind));
    }
}
