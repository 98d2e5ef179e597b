package app.lantern.conversation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the conversation module ({@code lantern.conversation.*}): the competitor names the extraction looks for
 * (organisation names HanLP recognises in comparisons are found besides these).
 */
@ConfigurationProperties("lantern.conversation")
public record ConversationProperties(List<String> competitors) {

    static final List<String> DEFAULT_COMPETITORS = List.of(
            "销售易",
            "纷享销客",
            "Salesforce",
            "用友",
            "金蝶",
            "钉钉",
            "悟空CRM",
            "八骏",
            "励销云",
            "红圈",
            "简道云",
            "明源云",
            "泛微",
            "致远",
            "HubSpot",
            "微软Dynamics",
            "Zoho",
            "有赞",
            "六度人和");

    public ConversationProperties {
        competitors = competitors == null || competitors.isEmpty() ? DEFAULT_COMPETITORS : List.copyOf(competitors);
    }
}
