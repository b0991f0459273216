using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Tests.Pairing;

/// <summary>
/// A random round described by a few numbers; the members, blocks and history are derived from
/// <see cref="DataSeed"/>, so a failing case printed by FsCheck can be rebuilt exactly.
/// </summary>
internal sealed record RoundCase(
    int MemberCount,
    int GroupSize,
    PairingMode Mode,
    int CooldownRounds,
    int BlockPercent,
    int HistoryRounds,
    long Seed,
    int DataSeed)
{
    private static readonly string[] Industries = ["finance", "Tech", "health", "education", "FINANCE"];
    private static readonly string[] Topics = ["ai", "Rust", "hiking", "chess", "AI", "music", "books"];

    public PairingRequest ToRequest()
    {
        var data = new Random(DataSeed);
        var ids = Enumerable.Range(1, MemberCount).Select(i => $"m{i}").ToArray();
        var members = ids.Select(id => new PairingMember(
                new MemberId(id),
                data.Next(5) == 0 ? null : Industries[data.Next(Industries.Length)],
                Enumerable.Range(0, data.Next(3)).Select(_ => Topics[data.Next(Topics.Length)]).ToArray(),
                null,
                data.Next(100) < BlockPercent ? [new MemberId(OneOf(ids, data))] : []))
            .ToArray();
        var history = Enumerable.Range(0, HistoryRounds).Select(_ => PastRound(ids, data)).ToArray();
        return new PairingRequest(GroupSize, Seed, Mode, CooldownRounds, members, history);
    }

    /// <summary>A past round over most of today's members plus some who have left, in groups of 2 to 4.</summary>
    private static PairingHistoryRound PastRound(string[] ids, Random data)
    {
        var attended = ids.Where(_ => data.Next(10) > 0).Append("left1").Append("left2").ToArray();
        data.Shuffle(attended);
        var groups = new List<IReadOnlyList<MemberId>>();
        for (var next = 0; next < attended.Length;)
        {
            var size = Math.Min(2 + data.Next(3), attended.Length - next);
            groups.Add(attended[next..(next + size)].Select(id => new MemberId(id)).ToArray());
            next += size;
        }

        return new PairingHistoryRound(groups);
    }

    /// <summary>Mostly a member of the round, sometimes someone who is not in it (whose block must be ignored).</summary>
    private static string OneOf(string[] ids, Random data) => data.Next(8) == 0 ? "outsider" : ids[data.Next(ids.Length)];
}
