using NetworkBot.Core.Outbox;

namespace NetworkBot.Core.Introductions;

/// <summary>An ask as one step left it, with the messages the step causes: stored together (<see cref="IAskStore.SaveAskAsync"/>).</summary>
public sealed record AskStep(Ask Ask, IReadOnlyList<OutboxMessage> Messages);
