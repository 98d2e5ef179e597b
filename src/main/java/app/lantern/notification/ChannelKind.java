package app.lantern.notification;

/** The kinds of outbound channel, with the provider's size and rate limits Lantern honours. */
public enum ChannelKind {
    EMAIL(0, 0),
    /** WeCom group robot: markdown content ≤ 4096 bytes, text ≤ 2048 bytes, 20 messages per minute per robot. */
    WECOM_ROBOT(4096, 20),
    /** WeCom application message: text and markdown content ≤ 2048 bytes. */
    WECOM_APP(2048, 0),
    /** DingTalk custom robot (signed): 20 messages per minute per robot, then throttled for 10 minutes. */
    DINGTALK_ROBOT(20000, 20),
    /** Feishu custom bot (signed): request body ≤ 20 KB, 100 per minute and 5 per second per bot. */
    FEISHU_BOT(20000, 100);

    private final int maxBytes;
    private final int perMinute;

    ChannelKind(int maxBytes, int perMinute) {
        this.maxBytes = maxBytes;
        this.perMinute = perMinute;
    }

    /** The largest message content in UTF-8 bytes; 0 means no limit of the provider. */
    public int maxBytes() {
        return maxBytes;
    }

    /** Messages per minute the provider accepts per channel; 0 means no limit Lantern needs to pace. */
    public int perMinute() {
        return perMinute;
    }

    public String defaultEndpoint() {
        return switch (this) {
            case EMAIL -> "smtp://localhost:25";
            case WECOM_ROBOT, WECOM_APP -> "https://qyapi.weixin.qq.com";
            case DINGTALK_ROBOT -> "https://oapi.dingtalk.com";
            case FEISHU_BOT -> "https://open.feishu.cn";
        };
    }
}
