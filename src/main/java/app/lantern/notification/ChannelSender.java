package app.lantern.notification;

/** Sends one message through one kind of channel, speaking the provider's protocol. */
interface ChannelSender {

    ChannelKind kind();

    SendResult send(ChannelConfig channel, OutboundMessage message);
}
