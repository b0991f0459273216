using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Events;

/// <summary>
/// <see cref="From"/> pressed "connect" with <see cref="To"/> after <see cref="Event"/>, at <see cref="PressedAt"/>: a wish
/// that became a connection only if <see cref="To"/> pressed back, kept either way so the connections an event made can be told apart from the wishes.
/// </summary>
public sealed record EventConnect(EventId Event, MemberId From, MemberId To, DateTimeOffset PressedAt);
