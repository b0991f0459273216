namespace NetworkBot.Slack.Inbound;

/// <summary>
/// What a transport does with one envelope or request it read: queue <see cref="Inbound"/> when it is new (null for a
/// redelivery), and send <see cref="Ack"/>'s payload when it is there.
/// </summary>
/// <param name="Keys">The ids that make it the same as another delivery, to forget when it could not be queued.</param>
internal sealed record SlackDelivery(SlackInbound? Inbound, AckSlot Ack, IReadOnlyList<string> Keys);
