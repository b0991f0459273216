using NetworkBot.Host.Hosting;

namespace NetworkBot.Host.Tests;

public sealed class ConversationStartersFileTests
{
    [Fact]
    public void The_shipped_starters_load_in_both_languages()
    {
        var starters = ConversationStartersFile.Load(ConversationStartersFile.DefaultPath);

        Assert.True(starters.Count >= 150, $"only {starters.Count} starters");
        var picked = starters.Pick(["ramen", "unknown-interest"], crossIndustryGroup: true, seed: 1);
        Assert.Equal(3, picked.Count);
        Assert.All(picked, p => Assert.False(string.IsNullOrWhiteSpace(p.Ja)));
    }

    [Fact]
    public void A_missing_file_means_no_starters_rather_than_a_crash() =>
        Assert.Equal(0, ConversationStartersFile.Load(Path.Combine(Path.GetTempPath(), "no-such-starters.json")).Count);
}
