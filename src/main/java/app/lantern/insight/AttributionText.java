package app.lantern.insight;

import app.lantern.shared.web.MoneyFormat;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Evidence and narratives of an attribution in plain words with their numbers, never a bare verdict. */
@Component
class AttributionText {

    private final MessageSource messages;

    AttributionText(MessageSource messages) {
        this.messages = messages;
    }

    String everyone(Locale locale) {
        return msg("attribution.everyone", locale);
    }

    Attribution.Component component(
            AttributionModel.Part p,
            RepFacts rep,
            AttributionModel.Norms norms,
            Map<Integer, String> stageNames,
            Locale locale) {
        BigDecimal amount = BigDecimal.valueOf(p.fen(), 2);
        String stage = null;
        String evidence;
        switch (p.key().split(":")[0]) {
            case "LEADS" ->
                evidence = msg("attribution.evidence.leads", locale, rep.created(), String.format("%.1f", p.plan()));
            case "STAGE" -> {
                stage = stageNames.getOrDefault(p.position(), "#" + p.position()) + "→"
                        + stageNames.getOrDefault(p.position() + 1, msg("attribution.won", locale));
                int ended = rep.advanced(p.position()) + rep.lost(p.position());
                evidence = ended == 0
                        ? msg("attribution.evidence.stageNone", locale, stage, percent(p.plan()))
                        : msg(
                                "attribution.evidence.stage",
                                locale,
                                stage,
                                percent(p.actual()),
                                percent(p.plan()),
                                rep.advanced(p.position()),
                                ended);
            }
            case "DEAL_SIZE" ->
                evidence = msg(
                        "attribution.evidence.dealSize",
                        locale,
                        money(p.actual(), locale),
                        money(p.plan(), locale),
                        rep.won());
            case "PROCESS" -> {
                RepFacts.Slip s = rep.slipped().get(p.reason());
                stage = msg("attribution.reason." + p.reason(), locale);
                evidence = s == null
                        ? msg("attribution.evidence.processNone", locale, percent(p.actual()), percent(p.plan()))
                        : msg(
                                "attribution.evidence.process." + p.reason(),
                                locale,
                                s.deals(),
                                money(s.value().doubleValue(), locale),
                                String.format("%.0f", s.longestWorkingDays()));
            }
            default -> evidence = msg("attribution.evidence.unexplained", locale);
        }
        return new Attribution.Component(p.cause(), p.key(), amount, stage, evidence);
    }

    String teamEvidence(int reps, Locale locale) {
        return msg("attribution.evidence.team", locale, reps);
    }

    /**
     * "{name} 差距 ¥x。最大原因是…，约少签 ¥y。" with the largest part in the direction of the gap; a rep ahead of target
     * also hears the largest drag, so that a shortfall hidden by other gains is still named.
     */
    String narrative(String name, BigDecimal gap, List<Attribution.Component> components, Locale locale) {
        boolean short_ = gap.signum() < 0;
        Attribution.Component top = largest(components, short_ ? -1 : 1);
        if (top == null) {
            return msg("attribution.narrative.onTarget", locale, name);
        }
        String text = msg(
                short_ ? "attribution.narrative.short" : "attribution.narrative.ahead",
                locale,
                name,
                MoneyFormat.brief(gap.abs(), locale),
                cause(top, locale),
                top.evidence(),
                MoneyFormat.brief(top.amount().abs(), locale));
        Attribution.Component drag = short_ ? null : largest(components, -1);
        return drag == null
                ? text
                : text
                        + msg(
                                "attribution.narrative.drag",
                                locale,
                                cause(drag, locale),
                                drag.evidence(),
                                MoneyFormat.brief(drag.amount().abs(), locale));
    }

    private static Attribution.Component largest(List<Attribution.Component> components, int sign) {
        return components.stream()
                .filter(c -> c.amount().signum() == sign)
                .max(Comparator.comparing(c -> c.amount().abs()))
                .orElse(null);
    }

    private String cause(Attribution.Component c, Locale locale) {
        return msg("attribution.cause." + c.cause(), locale) + (c.stage() == null ? "" : "（" + c.stage() + "）");
    }

    private static String percent(double rate) {
        return Math.round(rate * 100) + " %";
    }

    private static String money(double yuan, Locale locale) {
        return MoneyFormat.brief(BigDecimal.valueOf(yuan), locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
