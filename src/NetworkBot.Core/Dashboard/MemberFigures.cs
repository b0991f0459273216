using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Dashboard;

/// <summary>A row of the members table (and of the "met nobody yet" list): what a manager needs to decide whom to reach out to.</summary>
/// <param name="Paused">Opted in but not matched today (a pause or a skip).</param>
/// <param name="LastRound">When the last round that grouped the member started; null when none did.</param>
/// <param name="Answers">"Did you meet?" answers the member gave, over all rounds.</param>
/// <param name="Connections">Confirmed connections the member has.</param>
public sealed record MemberFigures(
    MemberId Id,
    string Name,
    string? Industry,
    DateTimeOffset JoinedAt,
    bool OptedIn,
    bool Paused,
    DateTimeOffset? LastRound,
    int Answers,
    int Connections);
