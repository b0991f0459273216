using System.Text.RegularExpressions;
using NetworkBot.Core.Commands;

namespace NetworkBot.Core.Tests.Commands;

/// <summary>The table must be registrable on Discord as it is: these are Discord's limits for application commands.</summary>
public sealed partial class CommandTableTests
{
    [Fact]
    public void Paths_are_unique_and_at_most_three_words()
    {
        Assert.Equal(CommandTable.All.Count, CommandTable.All.Select(c => c.Path).Distinct().Count());
        Assert.All(CommandTable.All, c => Assert.InRange(c.Segments.Count, 1, 3));
    }

    [Fact]
    public void Names_follow_discord_rules()
    {
        var names = CommandTable.All.SelectMany(c => c.Segments.Concat(c.Options.Select(o => o.Name)));

        Assert.All(names, n => Assert.Matches(DiscordName(), n));
    }

    [Fact]
    public void Descriptions_exist_in_both_languages_within_discord_limits()
    {
        var texts = CommandTable.All.Select(c => c.Description).Concat(CommandTable.All.SelectMany(c => c.Options.Select(o => o.Description)));

        Assert.All(texts, t =>
        {
            Assert.InRange(t.En.Length, 1, 100);
            Assert.InRange(t.Ja.Length, 1, 100);
        });
    }

    [Fact]
    public void Required_options_come_before_optional_ones_and_there_are_at_most_25()
    {
        Assert.All(CommandTable.All, c =>
        {
            Assert.InRange(c.Options.Count, 0, 25);
            var firstOptional = c.Options.ToList().FindIndex(o => !o.Required);
            Assert.True(firstOptional < 0 || c.Options.Skip(firstOptional).All(o => !o.Required), c.Path);
        });
    }

    [Fact]
    public void A_path_is_never_both_a_command_and_a_group()
    {
        Assert.All(CommandTable.All, c => Assert.False(CommandTable.IsGroup(c.Path), c.Path));
    }

    [GeneratedRegex(@"^[-_\p{Ll}\p{N}]{1,32}$")]
    private static partial Regex DiscordName();
}
