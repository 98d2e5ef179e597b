package app.lantern.conversation;

import app.lantern.shared.FieldErrors;
import app.lantern.shared.Texts;

/** A talk-track pack as a manager edits it. */
public record TalkTrackInput(
        ObjectionCategory category,
        String industry,
        String title,
        String script,
        String caseStudy,
        String roiTemplate,
        String alternativePlan) {

    void validate() {
        FieldErrors e = new FieldErrors();
        e.addIf(category == null, "category", "must be an objection category");
        Texts.maxLength(e, "industry", industry, 50);
        Texts.require(e, "title", title, 200);
        Texts.require(e, "script", script, 4000);
        Texts.maxLength(e, "caseStudy", caseStudy, 4000);
        Texts.maxLength(e, "roiTemplate", roiTemplate, 2000);
        Texts.maxLength(e, "alternativePlan", alternativePlan, 2000);
        e.throwIfAny();
    }
}
