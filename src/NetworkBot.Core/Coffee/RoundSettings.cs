using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Coffee;

/// <summary>How a community's coffee rounds group people, and where groups are started.</summary>
public sealed record RoundSettings(int GroupSize, PairingMode Mode, int CooldownRounds)
{
    public static RoundSettings Default { get; } = new(2, PairingMode.Random, 12);

    /// <summary>Where group conversations start; the community's coffee channel when null.</summary>
    public string? Channel { get; init; }

    public static RoundSettings From(CoffeeSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new(schedule.GroupSize, schedule.Mode, schedule.CooldownRounds) { Channel = schedule.Channel };
    }
}
