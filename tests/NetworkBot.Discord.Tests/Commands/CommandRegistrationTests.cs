using NetworkBot.Core.Commands;
using NetworkBot.Core.Texts;
using NetworkBot.Discord.Commands;

namespace NetworkBot.Discord.Tests.Commands;

public sealed class CommandRegistrationTests
{
    private static readonly IReadOnlyList<ApplicationCommand> Commands = CommandRegistration.ForTable();

    [Fact]
    public void Every_visible_table_command_is_registered_exactly_once_and_hidden_ones_not_at_all()
    {
        var registered = Commands.SelectMany(c => Leaves(c.Name, c.Options)).ToList();

        Assert.Equal(CommandTable.All.Where(c => !c.Hidden).Select(c => c.Path).Order(), registered.Order());
        Assert.DoesNotContain("coffee met", registered);
        Assert.Equal(Commands.Count, Commands.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void One_word_commands_carry_their_options_and_longer_paths_nest_as_subcommands_and_groups()
    {
        Assert.Null(Command("help").Options);
        var admin = Command("admin");
        Assert.Equal(ApplicationCommandOptionType.SubCommand, admin.Options!.Single(o => o.Name == "setup").Type);
        var coffee = admin.Options!.Single(o => o.Name == "coffee");
        Assert.Equal(ApplicationCommandOptionType.SubCommandGroup, coffee.Type);
        Assert.All(coffee.Options!, o => Assert.Equal(ApplicationCommandOptionType.SubCommand, o.Type));
    }

    [Fact]
    public void Only_admin_is_hidden_from_members_without_manage_server_and_everything_is_guild_only()
    {
        Assert.Equal("32", Command("admin").DefaultMemberPermissions);
        Assert.All(Commands.Where(c => c.Name != "admin"), c => Assert.Null(c.DefaultMemberPermissions));
        Assert.All(Commands, c => Assert.Equal([0], c.Contexts!));
    }

    [Fact]
    public void Options_map_to_discord_types_with_their_limits()
    {
        var introSet = Sub("intro", "set");
        Assert.Equal(["en", "ja"], Param(introSet, "language").Choices!.Select(c => c.Value));
        Assert.Equal((ApplicationCommandOptionType.String, true, 64), (Param(introSet, "timezone").Type, Param(introSet, "timezone").Autocomplete, Param(introSet, "timezone").MaxLength));
        Assert.Equal(280, Param(introSet, "pitch").MaxLength);

        var schedule = Sub("admin", "coffee", "schedule");
        var groupSize = Param(schedule, "group-size");
        Assert.Equal((ApplicationCommandOptionType.Integer, 2L, 8L), (groupSize.Type, groupSize.MinValue, groupSize.MaxValue));
        Assert.Equal(ApplicationCommandOptionType.Channel, Param(schedule, "channel").Type);
        Assert.Equal(["weekday", "time"], schedule.Options!.Where(o => o.Required == true).Select(o => o.Name));

        // A length is typed as 2h or 1h30m, which Discord's integer option would refuse before NetworkBot sees it.
        var duration = Param(Sub("admin", "events", "create"), "duration");
        Assert.Equal((ApplicationCommandOptionType.String, 20, null, null), (duration.Type, duration.MaxLength, duration.MinValue, duration.MaxValue));
        Assert.Contains("1h30m", duration.Description, StringComparison.Ordinal);
        Assert.Contains("2時間", duration.DescriptionLocalizations!["ja"], StringComparison.Ordinal);
        Assert.Equal(ApplicationCommandOptionType.String, Param(Sub("admin", "events", "edit"), "duration").Type);

        var member = Param(Sub("coffee", "block"), "member");
        Assert.Equal((ApplicationCommandOptionType.User, true, null), (member.Type, member.Required, member.Autocomplete));
        Assert.Equal(ApplicationCommandOptionType.Role, Param(Sub("admin", "setup"), "manager-role").Type);
    }

    [Fact]
    public void Every_description_has_a_japanese_localization()
    {
        Assert.All(Commands, c => Assert.False(string.IsNullOrEmpty(c.DescriptionLocalizations?["ja"])));
        Assert.All(Commands.SelectMany(c => All(c.Options)), o => Assert.False(string.IsNullOrEmpty(o.DescriptionLocalizations?["ja"]), o.Name));
        Assert.Equal("自己紹介を書く・更新する", Sub("intro", "set").DescriptionLocalizations!["ja"]);
    }

    [Fact]
    public void The_table_is_within_every_discord_limit_and_every_name_matches_discords_pattern()
    {
        Assert.Empty(CommandRegistration.Validate(Commands));
        Assert.All(Commands.Select(c => c.Name).Concat(Commands.SelectMany(c => All(c.Options)).Select(o => o.Name)),
            name => Assert.Matches(@"^[-_'\p{L}\p{N}]{1,32}$", name));
        Assert.All(Commands.SelectMany(c => All(c.Options)), o => Assert.InRange(o.Description.Length, 1, 100));
    }

    [Fact]
    public void Broken_tables_are_refused_when_building_not_when_discord_answers_400()
    {
        var tooMany = new CommandSpec("big", Text("Big"), [.. Enumerable.Range(0, 26).Select(i => new OptionSpec($"o{i}", OptionKind.Text, Text("x")))]);
        Assert.Throws<InvalidOperationException>(() => CommandRegistration.Build([tooMany]));
        Assert.Throws<InvalidOperationException>(() => CommandRegistration.Build([new("Bad Name", Text("x"), [])]));
        Assert.Throws<InvalidOperationException>(() => CommandRegistration.Build([new("x", Text(new string('d', 101)), [])]));
        Assert.Throws<InvalidOperationException>(() => CommandRegistration.Build([new("x", Text("x"), []), new("x y", Text("x"), [])]));
        Assert.Throws<InvalidOperationException>(() => CommandRegistration.Build([new("a b c d", Text("x"), [])]));
    }

    [Fact]
    public void Validation_names_each_broken_limit()
    {
        var text = new string('d', 100);
        var options = Enumerable.Range(0, 25).Select(i => new OptionSpec($"o{i}", OptionKind.Text, new(text, text))).ToList();
        var huge = Enumerable.Range(0, 10).Select(i => new CommandSpec($"huge s{i}", new(text, text), options));
        Assert.Contains("characters; Discord allows 8000", Assert.Throws<InvalidOperationException>(() => CommandRegistration.Build(huge)).Message, StringComparison.Ordinal);

        var choices = new ApplicationCommandOption(ApplicationCommandOptionType.String, "pick", "Pick")
        {
            Choices = [.. Enumerable.Range(0, 26).Select(i => new ApplicationCommandChoice($"c{i}", $"c{i}"))],
            Autocomplete = true,
        };
        var optionalFirst = new ApplicationCommandOption(ApplicationCommandOptionType.String, "later", "Later");
        var problems = CommandRegistration.Validate([new ApplicationCommand("x", "X") { Options = [optionalFirst, choices with { Required = true }] }]);

        Assert.Contains(problems, p => p.Contains("26 choices", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("both choices and autocomplete", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("required option after an optional one", StringComparison.Ordinal));
    }

    [Fact]
    public void The_content_hash_is_stable_and_changes_with_the_table()
    {
        var hash = CommandRegistration.ContentHash(Commands);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, CommandRegistration.ContentHash(CommandRegistration.Build(CommandTable.All)));

        var edited = CommandTable.All.Select(c => c.Path == "intro post" ? c with { Description = c.Description with { Ja = "自己紹介を投稿する" } } : c);
        Assert.NotEqual(hash, CommandRegistration.ContentHash(CommandRegistration.Build(edited)));

        var hiddenEdited = CommandTable.All.Select(c => c.Hidden ? c with { Description = Text("anything") } : c);
        Assert.Equal(hash, CommandRegistration.ContentHash(CommandRegistration.Build(hiddenEdited)));
    }

    [Fact]
    public void The_json_is_what_discord_expects()
    {
        var json = CommandRegistration.ToJson(Commands);

        Assert.Contains("\"default_member_permissions\":\"32\"", json, StringComparison.Ordinal);
        Assert.Contains("\"description_localizations\":{\"ja\":", json, StringComparison.Ordinal);
        Assert.Contains("\"contexts\":[0]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    private static LocalizedText Text(string en) => new(en, en);

    private static ApplicationCommand Command(string name) => Commands.Single(c => c.Name == name);

    private static ApplicationCommandOption Sub(string command, params string[] path)
    {
        var option = Command(command).Options!.Single(o => o.Name == path[0]);
        return path.Skip(1).Aggregate(option, (parent, name) => parent.Options!.Single(o => o.Name == name));
    }

    private static ApplicationCommandOption Param(ApplicationCommandOption sub, string name) => sub.Options!.Single(o => o.Name == name);

    private static IEnumerable<ApplicationCommandOption> All(IReadOnlyList<ApplicationCommandOption>? options) =>
        (options ?? []).SelectMany(o => All(o.Options).Prepend(o));

    private static IEnumerable<string> Leaves(string path, IReadOnlyList<ApplicationCommandOption>? options)
    {
        var nested = (options ?? []).Where(o => o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup).ToList();
        return nested.Count == 0 ? [path] : nested.SelectMany(o => Leaves($"{path} {o.Name}", o.Options));
    }
}
