using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Tests.Commands;

public sealed class CommandSuggestionsTests : CommandTestBase
{
    private Task<IReadOnlyList<SelectChoice>> SuggestAsync(string path, string option, string typed) =>
        Harness.Get<CommandSuggestions>().SuggestAsync(Harness.Request("aiko") with { Path = path }, option, typed, CancellationToken.None);

    [Fact]
    public async Task Interest_names_of_the_own_community_only_prefix_matches_first()
    {
        await Harness.TypeAsync("mana", "/admin interests create rust");
        await Harness.TypeAsync("mana", "/admin interests create trust-and-safety");
        await Harness.TypeAsync("mana", "/admin interests create 写真");
        await Harness.Store.CreateInterestAsync(
            new Interest(new CommunityId("shell:other"), InterestId.New(), "rustaceans", null, false, null, null, CommandHarness.Start), [], CancellationToken.None);

        var choices = await SuggestAsync("interests join", "name", "rust");

        Assert.Equal(["rust", "trust-and-safety"], choices.Select(c => c.Value));
    }

    [Fact]
    public async Task Archived_interests_are_not_offered()
    {
        await Harness.TypeAsync("mana", "/admin interests create rust");
        await Harness.TypeAsync("mana", "/admin interests archive rust");

        Assert.Empty(await SuggestAsync("interests join", "name", ""));
    }

    [Fact]
    public async Task Members_are_offered_by_display_name_with_their_id_as_value()
    {
        var choices = await SuggestAsync("coffee block", "member", "tana");

        Assert.Equal([new SelectChoice("Aiko Tanaka", "aiko")], choices);
    }

    [Fact]
    public async Task Time_zones_match_anywhere_in_the_id_and_are_capped()
    {
        Assert.Contains(new SelectChoice("Asia/Tokyo", "Asia/Tokyo"), await SuggestAsync("intro set", "timezone", "tokyo"));
        Assert.Equal(CommandSuggestions.MaxSuggestions, (await SuggestAsync("intro set", "timezone", "a")).Count);
        Assert.StartsWith("America/", (await SuggestAsync("intro set", "timezone", "america")).First().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asks_cancel_offers_the_callers_own_open_asks_by_id_and_request()
    {
        await Harness.TypeAsync("aiko", "/ask a kubernetes mentor");
        await Harness.TypeAsync("aiko", "/ask a japanese tutor");
        await Harness.TypeAsync("mana", "/ask a kubernetes operator");
        var asks = await Harness.Store.ListMemberAsksAsync(CommandHarness.Community, new MemberId("aiko"), CancellationToken.None);
        var (tutor, mentor) = (asks.Single(a => a.Request.Contains("tutor")).Id, asks.Single(a => a.Request.Contains("mentor")).Id);
        await Harness.TypeAsync("aiko", $"/asks cancel {tutor}");

        Assert.Equal([new SelectChoice($"{mentor} · a kubernetes mentor", mentor.Value)], await SuggestAsync("asks cancel", "ask", ""));
        Assert.Equal([mentor.Value], (await SuggestAsync("asks cancel", "ask", mentor.Value[..4])).Select(c => c.Value));
        Assert.Empty(await SuggestAsync("asks cancel", "ask", "operator"));
    }

    [Fact]
    public async Task Options_without_suggestions_and_unknown_commands_offer_nothing()
    {
        await Harness.TypeAsync("mana", "/admin interests create rust");

        Assert.Empty(await SuggestAsync("admin interests create", "name", "r"));
        Assert.Empty(await SuggestAsync("intro set", "pitch", "r"));
        Assert.Empty(await SuggestAsync("no such", "name", "r"));
    }
}
