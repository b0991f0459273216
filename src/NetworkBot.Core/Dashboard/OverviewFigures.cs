using NetworkBot.Core.Introductions;

namespace NetworkBot.Core.Dashboard;

/// <summary>
/// The dashboard's first page. Counts of members are as they are now; <see cref="MeetRate"/>, <see cref="NewConnections"/>
/// and <see cref="CrossIndustryShare"/> cover the last <see cref="WindowRounds"/> rounds, the span of every trend.
/// </summary>
/// <param name="Members">Everyone the store knows in the community; the trend counts those who had joined by each round.</param>
/// <param name="OptedIn">Members taking part in coffee chats; the trend counts each round's grouped plus paused members.</param>
/// <param name="Active">Opted-in members who would be matched today; the trend counts each round's grouped members.</param>
/// <param name="Paused">Opted-in members not matched today (a pause or a skip); the trend counts each round's <see cref="RoundFigures.Paused"/>.</param>
/// <param name="Rounds">Rounds held so far; the trend numbers each round.</param>
/// <param name="MeetRate">Groups that said they met, of all groups (0–1).</param>
/// <param name="NewConnections">Connections made since the window's first round; the trend counts each round's span up to the next round.</param>
/// <param name="CrossIndustryShare">
/// Of the pairs in groups that met, those whose two members name different industries (0–1): the coffee rounds'
/// connections, since a connection made at an event carries no group to read it from without reading every connection.
/// </param>
/// <param name="Introductions">Introductions on request since the community began: asks made, accepted by a candidate, become connections.</param>
public sealed record OverviewFigures(
    int WindowRounds,
    Figure Members,
    Figure OptedIn,
    Figure Active,
    Figure Paused,
    Figure Rounds,
    Figure MeetRate,
    Figure NewConnections,
    Figure CrossIndustryShare,
    AskFigures Introductions);
