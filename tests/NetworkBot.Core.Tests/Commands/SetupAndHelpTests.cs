using Microsoft.Extensions.Logging.Abstractions;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Storage;
using NetworkBot.Core.Web;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace NetworkBot.Core.Tests.Commands;

public sealed class SetupAndHelpTests : CommandTestBase
{
    private Task<Community?> CommunityAsync() => Harness.Store.GetCommunityAsync(CommandHarness.Community, CancellationToken.None);

    [Fact]
    public async Task Setup_saves_language_zone_channels_and_managers()
    {
        var reply = await Harness.TypeAsync("mana", "/admin setup language:ja timezone:asia/tokyo intro-channel:<#111> coffee-channel:#coffee announcement-channel:news add-manager:aiko manager-role:<@&42>");

        Assert.False(reply.IsError, reply.Text);
        var settings = (await CommunityAsync())!.Settings;
        Assert.Equal(Language.Ja, settings.Language);
        Assert.Equal("Asia/Tokyo", settings.TimeZone);
        Assert.Equal("111", settings.IntroChannel);
        Assert.Equal("coffee", settings.CoffeeChannel);
        Assert.Equal("news", settings.AnnouncementChannel);
        Assert.Equal("42", settings.ManagerRole);
        Assert.Equal([new MemberId("mana"), new MemberId("aiko")], settings.Managers);
        Assert.Contains("設定を保存しました", reply.Text);
    }

    [Fact]
    public async Task Setup_without_options_shows_the_settings()
    {
        var reply = await Harness.TypeAsync("mana", "/admin setup");

        Assert.Contains(reply.Fields, f => f.Value == "Mana Manager");
        Assert.Contains(reply.Fields, f => f.Value == "UTC");
    }

    [Fact]
    public async Task Members_are_refused_setup_and_nothing_changes() =>
        Assert.Contains("managers", (await RefusedAndUnchangedAsync("aiko", "/admin setup language:ja")).Text);

    [Theory]
    [InlineData("/admin setup timezone:Tokyo", "Tokyo")]
    [InlineData("/admin setup intro-channel:@everyone", "intro-channel")]
    [InlineData("/admin setup manager-role:here", "manager-role")]
    [InlineData("/admin setup add-manager:ghost", "ghost")]
    public async Task Invalid_settings_are_refused_and_nothing_changes(string line, string named) =>
        Assert.Contains(named, (await RefusedAndUnchangedAsync("mana", line)).Text);

    [Fact]
    public async Task The_last_manager_cannot_be_removed()
    {
        var reply = await Harness.TypeAsync("mana", "/admin setup remove-manager:mana");

        Assert.True(reply.IsError);
        Assert.Equal([new MemberId("mana")], (await CommunityAsync())!.Settings.Managers);
    }

    [Fact]
    public async Task A_manager_taken_off_the_list_is_signed_out_of_the_dashboard_and_the_others_are_not()
    {
        await Harness.AddMemberAsync("ken", "Ken Mori");
        await Harness.TypeAsync("mana", "/admin setup add-manager:ken");
        var now = Harness.Clock.GetUtcNow();
        foreach (var manager in new[] { "mana", "ken" })
        {
            await Harness.Store.SaveSessionAsync(
                new DashboardSession("hash-" + manager, "h-" + manager, CommandHarness.Community, new MemberId(manager), now, now.AddHours(12)), CancellationToken.None);
        }

        await Harness.TypeAsync("mana", "/admin setup remove-manager:ken");

        Assert.Null(await Harness.Store.GetSessionAsync("hash-ken", now, CancellationToken.None));
        Assert.NotNull(await Harness.Store.GetSessionAsync("hash-mana", now, CancellationToken.None));
    }

    [Fact]
    public async Task The_manager_role_and_the_platform_make_managers_too()
    {
        await Harness.TypeAsync("mana", "/admin setup manager-role:42");
        var byRole = await Harness.Dispatcher.HandleTextAsync(Harness.Request("aiko") with { CallerRoles = ["42"] }, "/admin setup", CancellationToken.None);
        var byPlatform = await Harness.Dispatcher.HandleTextAsync(Harness.Request("aiko") with { CallerIsPlatformManager = true }, "/admin setup", CancellationToken.None);

        Assert.False(byRole.IsError, byRole.Text);
        Assert.False(byPlatform.IsError, byPlatform.Text);
    }

    [Fact]
    public async Task Help_lists_manager_commands_only_to_managers()
    {
        var member = await Harness.TypeAsync("aiko", "/help");
        var manager = await Harness.TypeAsync("mana", "/help");

        var memberText = string.Join('\n', member.Fields.Select(f => f.Value));
        var managerText = string.Join('\n', manager.Fields.Select(f => f.Value));
        Assert.Contains("/coffee pause <until>", memberText);
        Assert.Contains("/intro show [member]", memberText);
        Assert.DoesNotContain("/admin", memberText);
        Assert.Contains("/admin interests create <name> [description]", managerText);
    }

    [Fact]
    public async Task Language_follows_the_member_then_the_client_then_the_community()
    {
        var byCommunity = await Harness.TypeAsync("aiko", "/coffee status");
        var byClient = await Harness.TypeAsync("aiko", "/coffee status", Language.Ja);
        await Harness.TypeAsync("aiko", "/intro set language:en");
        var byMember = await Harness.TypeAsync("aiko", "/coffee status", Language.Ja);

        Assert.Equal("Coffee chats", byCommunity.Title);
        Assert.Equal("コーヒーチャット", byClient.Title);
        Assert.Equal("Coffee chats", byMember.Title);
    }

    [Fact]
    public async Task Unknown_paths_and_options_from_a_platform_are_refused()
    {
        var unknownPath = await Harness.InvokeAsync("aiko", "coffee dance");
        var unknownOption = await Harness.InvokeAsync("aiko", "coffee join", ("colour", "blue"));

        Assert.True(unknownPath.IsError);
        Assert.True(unknownOption.IsError);
        Assert.Contains("colour", unknownOption.Text);
    }

    [Fact]
    public async Task Members_of_another_community_are_not_found()
    {
        var other = new CommunityId("shell:other");
        await Harness.Store.SaveMemberAsync(new Member(other, new MemberId("zed"), "Zed Secret", Profile.Empty with { Pitch = "secret" }, CoffeeEnrollment.NotJoined, CommandHarness.Start), CancellationToken.None);

        var reply = await Harness.TypeAsync("aiko", "/intro show zed");

        Assert.True(reply.IsError);
        Assert.DoesNotContain("secret", reply.Text);
    }

    [Fact]
    public async Task A_first_time_caller_with_an_invalid_command_is_not_stored()
    {
        var before = await Harness.SnapshotAsync();

        await Harness.TypeAsync("newcomer", "/coffee pause tomorrow");

        Assert.Equal(before, await Harness.SnapshotAsync());
        Assert.Null(await Harness.Store.GetMemberAsync(CommandHarness.Community, new MemberId("newcomer"), CancellationToken.None));
    }

    [Fact]
    public async Task The_platform_admin_who_sets_up_a_community_without_managers_becomes_its_first_manager()
    {
        var fresh = CommunityId.For("discord", "4242");
        var admin = Harness.Request("owner") with { Community = fresh, Path = "admin setup", Options = new Dictionary<string, string> { ["timezone"] = "UTC" }, CallerIsPlatformManager = true };

        var reply = await Harness.Dispatcher.HandleAsync(admin, CancellationToken.None);
        await Harness.Dispatcher.HandleAsync(admin with { Caller = new MemberId("second"), CallerName = "second" }, CancellationToken.None);

        Assert.Contains("first named manager", reply.Text, StringComparison.Ordinal);
        Assert.Equal([new MemberId("owner")], (await Harness.Store.GetCommunityAsync(fresh, CancellationToken.None))!.Settings.Managers);
    }

    [Fact]
    public async Task A_component_naming_a_community_is_taken_only_from_a_member_it_already_has()
    {
        await Harness.SetUpCommunityAsync();
        await Harness.AddMemberAsync("aiko", "Aiko");
        var before = await Harness.SnapshotAsync();
        var fromDm = Harness.Request("stranger") with
        {
            Path = "coffee join",
            CommunityFromComponent = true,
        };

        var refused = await Harness.Dispatcher.HandleAsync(fromDm, CancellationToken.None);
        var member = await Harness.Dispatcher.HandleAsync(fromDm with { Caller = new MemberId("aiko"), CallerName = "Aiko" }, CancellationToken.None);

        Assert.True(refused.IsError);
        Assert.Contains("not a member", refused.Text, StringComparison.Ordinal);
        Assert.Null(await Harness.Store.GetMemberAsync(CommandHarness.Community, new MemberId("stranger"), CancellationToken.None));
        Assert.False(member.IsError, member.Text);
        Assert.True((await Harness.MemberAsync("aiko")).Coffee.Joined);
        Assert.NotEqual(before, await Harness.SnapshotAsync());
    }

    [Fact]
    public async Task A_failing_handler_is_answered_politely_and_does_not_throw()
    {
        var store = Substitute.For<IStore>();
        store.GetCommunityAsync(default, default).ReturnsForAnyArgs(new Community(CommandHarness.Community, "t", CommunitySettings.Default, CommandHarness.Start));
        store.SaveMemberAsync(default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("disk full"));
        var rounds = new CoffeeRounds(store, store, store, store, new PairingEngine(), new GroupIntroduction(ConversationStarters.None), TimeProvider.System, NullLogger<CoffeeRounds>.Instance);
        var matcher = Substitute.For<IAskMatcher>();
        var introductions = new AskSteps(store, store, store, matcher);
        ICommandModule[] modules =
        [
            new HelpCommand(), new IntroCommands(store, store), new CoffeeCommands(store, store, new LateJoiners(store, TimeProvider.System)), new InterestCommands(store, store, new InterestSpaceSync(store, store, store, store, [], TimeProvider.System)),
            new SetupCommands(store, store, store), new MeetingAnswers(store, store), new ConnectionCommands(store, store), new CoffeeAdminCommands(store, rounds),
            new EventCommands(store, store, store, store), new EventAdminCommands(store, store, [], WebLinks.PathsOnly), new DashboardCommands(store, WebLinks.PathsOnly),
            new PrivacyCommands(store, new MemberEraser(store, store, store), NullLogger<PrivacyCommands>.Instance), new AskCommands(store, store, store, matcher, introductions), new AskAnswers(store, store, introductions),
        ];
        var dispatcher = new CommandDispatcher(modules, store, store, new OptionBinder(store), TimeProvider.System, NullLogger<CommandDispatcher>.Instance);

        var reply = await dispatcher.HandleTextAsync(Harness.Request("aiko"), "/coffee join", CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.Contains("something went wrong", reply.Text);
        Assert.DoesNotContain("disk full", reply.Text);
    }
}
