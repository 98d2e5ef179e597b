package app.lantern.conversation.web;

import app.lantern.conversation.ConversationView;
import app.lantern.conversation.Conversations;
import app.lantern.conversation.Extraction;
import app.lantern.customer.Customers;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The "通话/纪要" page of an opportunity: paste a transcript, tick the proposed items, confirm them onto the deal. */
@Controller
class ConversationPageController {

    private final Conversations conversations;
    private final OpportunityQueries opportunities;
    private final Customers customers;
    private final Clock clock;

    ConversationPageController(
            Conversations conversations, OpportunityQueries opportunities, Customers customers, Clock clock) {
        this.conversations = conversations;
        this.opportunities = opportunities;
        this.customers = customers;
        this.clock = clock;
    }

    @GetMapping("/opportunities/{id}/conversations")
    String page(@PathVariable long id, Model model) {
        OpportunityDetails o = opportunities.visible(id);
        model.addAttribute("opportunity", o);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("calls", conversations.of(id));
        model.addAttribute("contacts", customers.contacts(o.customerId()));
        return "conversation/opportunity";
    }

    @PostMapping("/opportunities/{id}/conversations")
    String create(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String transcript,
            @RequestParam(defaultValue = "") String callDate,
            Model model) {
        OpportunityDetails o = opportunities.visible(id);
        model.addAttribute("opportunity", o);
        model.addAttribute("contacts", customers.contacts(o.customerId()));
        try {
            model.addAttribute("call", conversations.create(id, transcript, callDate));
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
        }
        return "conversation/opportunity :: proposal";
    }

    @PostMapping("/conversations/{id}/confirm")
    String confirm(
            @PathVariable long id,
            @RequestParam(required = false) Set<Integer> obj,
            @RequestParam(required = false) Set<Integer> role,
            @RequestParam(required = false) Set<Integer> com,
            @RequestParam(required = false) Set<Integer> comp,
            @RequestParam(defaultValue = "false") boolean budget,
            @RequestParam Map<String, String> form,
            Model model) {
        ConversationView call = conversations.view(id);
        Extraction d = call.draft();
        List<Extraction.Person> people = new ArrayList<>();
        for (int i = 0; i < d.roles().size(); i++) {
            if (picked(role, i)) {
                String contact = form.getOrDefault("contact" + i, "");
                Extraction.Person p = d.roles().get(i);
                people.add(new Extraction.Person(p.name(), p.role(), contact.isBlank() ? null : Long.valueOf(contact)));
            }
        }
        Extraction accepted = new Extraction(
                pick(d.objections(), obj),
                people,
                pick(d.commitments(), com),
                budget ? d.budget() : null,
                pick(d.competitors(), comp),
                form.getOrDefault("summary", d.summary()));
        ConversationView done = conversations.confirm(id, accepted);
        return "redirect:/opportunities/" + done.opportunityId();
    }

    private static boolean picked(Set<Integer> chosen, int i) {
        return chosen != null && chosen.contains(i);
    }

    private static <T> List<T> pick(List<T> items, Set<Integer> chosen) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (picked(chosen, i)) {
                out.add(items.get(i));
            }
        }
        return out;
    }
}
