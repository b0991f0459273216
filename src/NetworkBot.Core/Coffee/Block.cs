using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Coffee;

/// <summary>A private "don't match me with" entry: <see cref="Blocker"/> never shares a group with <see cref="Blocked"/>.</summary>
public sealed record Block(MemberId Blocker, MemberId Blocked);
