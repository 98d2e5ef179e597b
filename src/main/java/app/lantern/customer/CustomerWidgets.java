package app.lantern.customer;

import static lantern.db.Tables.CUSTOMERS;
import static lantern.db.Tables.CUSTOMER_DUPLICATE_PAIRS;

import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import app.lantern.shared.web.LandingWidget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** Landing panels: a rep's customers by tier; a manager's team customers by tier and duplicates waiting for a decision. */
@Configuration(proxyBeanMethods = false)
class CustomerWidgets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    LandingWidget myCustomersWidget(
            DSLContext db, CurrentActor currentActor, Customers customers, MessageSource messages) {
        return LandingWidget.of(Set.of("REP"), 20, "customer/widgets :: mine", () -> {
            long me = currentActor.require().userId();
            Condition mine = CUSTOMERS.OWNER_ID.eq(me).and(CUSTOMERS.MERGED_INTO.isNull());
            Map<String, Object> model = new LinkedHashMap<>();
            Map<String, Integer> tiers = tiers(db, mine);
            model.put(
                    "total", tiers.values().stream().mapToInt(Integer::intValue).sum());
            model.put("chart", chart(tiers, messages));
            model.put("recent", customers.recentlyTouchedBy(me, 5));
            return model;
        });
    }

    @Bean
    LandingWidget teamCustomersWidget(DSLContext db, DataScopes scopes, MessageSource messages) {
        return LandingWidget.of(Set.of("MANAGER", "EXECUTIVE", "ADMIN"), 20, "customer/widgets :: team", () -> {
            DataScope scope = scopes.current(RecordKind.CUSTOMER);
            Condition visible = scope.condition(CUSTOMERS.OWNER_ID).and(CUSTOMERS.MERGED_INTO.isNull());
            Map<String, Integer> tiers = tiers(db, visible);
            var low = CUSTOMERS.as("low");
            var high = CUSTOMERS.as("high");
            Condition pairVisible = scope.condition(low.OWNER_ID).or(scope.condition(high.OWNER_ID));
            var pairs = db.select(low.NAME, high.NAME, CUSTOMER_DUPLICATE_PAIRS.SCORE)
                    .from(CUSTOMER_DUPLICATE_PAIRS)
                    .join(low)
                    .on(low.ID.eq(CUSTOMER_DUPLICATE_PAIRS.LOW_ID))
                    .join(high)
                    .on(high.ID.eq(CUSTOMER_DUPLICATE_PAIRS.HIGH_ID))
                    .where(pairVisible)
                    .and(low.MERGED_INTO.isNull())
                    .and(high.MERGED_INTO.isNull())
                    .orderBy(CUSTOMER_DUPLICATE_PAIRS.SCORE.desc());
            List<String> examples = new ArrayList<>();
            int count = 0;
            for (var r : pairs.fetch()) {
                if (examples.size() < 5 && scope.isEverything()) {
                    examples.add(r.value2() + " ≈ " + r.value1());
                }
                count++;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put(
                    "total", tiers.values().stream().mapToInt(Integer::intValue).sum());
            model.put("chart", chart(tiers, messages));
            model.put("duplicates", count);
            model.put("duplicateExamples", examples);
            return model;
        });
    }

    static Map<String, Integer> tiers(DSLContext db, Condition where) {
        Map<String, Integer> tiers = new LinkedHashMap<>();
        for (String t : List.of("A", "B", "C", "D", "NONE")) {
            tiers.put(t, 0);
        }
        db.select(CUSTOMERS.TIER, DSL.count())
                .from(CUSTOMERS)
                .where(where)
                .groupBy(CUSTOMERS.TIER)
                .forEach(r -> tiers.put(r.value1() == null ? "NONE" : r.value1(), r.value2()));
        return tiers;
    }

    /** Bars per tier; customers not yet scored are labelled in the reader's language, not with the stored marker. */
    static String chart(Map<String, Integer> tiers, MessageSource messages) {
        String unrated = messages.getMessage("customer.tier.unrated", null, "—", LocaleContextHolder.getLocale());
        List<String> labels =
                tiers.keySet().stream().map(t -> "NONE".equals(t) ? unrated : t).toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of());
        option.put("grid", Map.of("left", 30, "right", 10, "top", 10, "bottom", 25));
        option.put("xAxis", Map.of("type", "category", "data", labels));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put(
                "series",
                List.of(Map.of(
                        "type", "bar", "data", List.copyOf(tiers.values()), "itemStyle", Map.of("color", "#0d6efd"))));
        return JSON.writeValueAsString(option);
    }
}
