using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Coffee;

/// <summary>A round worked out but not stored: who would be grouped with whom (preview and run-now share it).</summary>
public sealed record RoundPlan(Community Community, IReadOnlyDictionary<MemberId, Member> Members, PairingOutcome Outcome, TimeSpan Elapsed);
