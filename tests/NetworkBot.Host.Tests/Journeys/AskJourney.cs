using System.Text.RegularExpressions;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Texts;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// An introduction on request, lived through by its members on one surface: Aiko asks for someone who knows payments
/// regulation → answered privately without names → the best candidate is asked by DM (never Dan, who is closed to
/// introductions, nor Eve, who offers nothing related) and says "not now" there → the next is asked; a press of that
/// question by anyone else changes nothing → the candidate says yes → both see one introduction with both pitches, the
/// request and the offer → a week later both are asked whether they connected, where the introduction reached them (its
/// Discord thread, its Slack group DM), and both press yes there: Aiko's records the connection, the other's finds it recorded.
/// Aiko is shown nothing, anywhere, that names the candidate who declined. Then giving first: Fumi asks for what
/// nobody offers (it stays open), Gen offers it and is asked, and his yes introduces them. Hana's ask nobody answers
/// expires after two weeks with a note to her.
/// </summary>
internal static class AskJourney
{
    private const string AikoPitch = "I design checkout flows for a Tokyo e-commerce startup.";
    private const string BenPitch = "I keep a neobank's payments licences in order across Asia.";
    private const string ChenPitch = "I advise card issuers on payments regulation in Japan.";
    private const string Request = "someone who knows payments regulation";
    private const string FumiRequest = "someone who fires raku pottery";
    private const string GenOffer = "raku pottery firing";

    private static readonly Dictionary<string, (string Pitch, string Offer)> Helpers = new(StringComparer.Ordinal)
    {
        ["Ben"] = (BenPitch, "fintech compliance"),
        ["Chen"] = (ChenPitch, "payments regulation advice"),
    };

    public static async Task WalkAsync(IJourneySurface s, CancellationToken ct)
    {
        await s.StartAsync("Mana", ct);
        await Journey.OkAsync(s, "Mana", $"/admin setup timezone:UTC coffee-channel:{s.Channel("coffee")}", ct);
        await Journey.OkAsync(s, "Aiko", $"/intro set pitch:\"{AikoPitch}\" seeks:\"payments regulation\"", ct);
        foreach (var (helper, profile) in Helpers)
        {
            await Journey.OkAsync(s, helper, $"/intro set pitch:\"{profile.Pitch}\" offers:\"{profile.Offer}\"", ct);
        }

        await Journey.OkAsync(s, "Dan", "/intro set pitch:\"I audit payment providers.\" offers:\"payments regulation\" open-to-intros:no", ct);
        await Journey.OkAsync(s, "Eve", "/intro set pitch:\"I paint book covers.\" offers:\"watercolour painting\"", ct);
        await Journey.OkAsync(s, "Hana", "/intro set pitch:\"I tune old instruments.\"", ct);
        var hanaAsked = await Journey.OkAsync(s, "Hana", "/ask request:\"someone who restores harpsichords\"", ct);
        Assert.True(Shows(hanaAsked, AskTexts.AskNoCandidate), $"Hana was not told her ask stays open: {hanaAsked}");

        // Everything Aiko is shown, to check at the end that none of it names who declined.
        var aiko = new List<Seen> { await Journey.OkAsync(s, "Aiko", $"/ask request:\"{Request}\"", ct) };
        Assert.Equal(s.AnswersPrivately, aiko[0].Private);
        var ask = Assert.Single(await s.Store.ListMemberAsksAsync(s.Community, s.Id("Aiko"), ct));
        var candidates = ask.Candidates.Select(c => Name(s, c.Member)).ToList();
        Assert.Equal(Helpers.Keys.Order(), candidates.Order()); // never Dan, closed to introductions, nor Eve, who offers nothing related
        Assert.All(Helpers.Keys, name => Assert.DoesNotContain(name, aiko[0].Text, StringComparison.Ordinal));
        var (declines, accepts) = (candidates[0], candidates[1]);

        // The best candidate is asked first, by DM, and says "not now" there: the next one is asked.
        var question = await QuestionAsync(s, declines, ct);
        Assert.Equal(CandidateStatus.Asked, (await AskAsync(s, ask.Id, ct)).Candidates[0].Status);
        await s.PressAsync(declines, question, AskTexts.ButtonNotNow.En, ct);
        var second = await QuestionAsync(s, accepts, ct);
        Assert.Equal(CandidateStatus.Declined, (await AskAsync(s, ask.Id, ct)).Candidates[0].Status);

        // A press of the question by someone it was not for changes nothing.
        foreach (var forger in new[] { "Eve", "Aiko" })
        {
            var refused = await s.PressAsync(forger, second, AskTexts.ButtonYes.En, ct);
            Assert.True(refused.IsError, $"{forger} answered {accepts}'s question: {refused}");
            if (forger == "Aiko")
            {
                aiko.Add(refused);
            }
        }

        Assert.Equal(AskStatus.Open, (await AskAsync(s, ask.Id, ct)).Status);

        // The yes introduces both in one message, where a group's messages are delivered.
        await s.PressAsync(accepts, second, AskTexts.ButtonYes.En, ct);
        var introduced = await AskAsync(s, ask.Id, ct);
        Assert.Equal((AskStatus.Introduced, s.Id(accepts)), (introduced.Status, introduced.IntroducedTo));
        var (pitch, offer) = Helpers[accepts];
        var introduction = await IntroductionAsync(s, "Aiko", accepts, [AikoPitch, pitch, Request, offer], aiko, ct);
        aiko.Add(introduction);
        var helperIntroduction = await IntroductionAsync(s, accepts, "Aiko", [AikoPitch, pitch, Request, offer], [], ct);

        // A week later both are asked, in the introduction's own thread or group DM, whether they connected; both say yes there.
        await s.AdvanceAsync(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1), ct);
        var followUp = await s.NextAsync("Aiko", m => Collect(aiko, m) && Shows(m, AskTexts.FollowUp), ct);
        Assert.Equal((Place.Group, introduction.Conversation), (followUp.Where, followUp.Conversation));
        Assert.Contains(AskTexts.IntroTitle.En, followUp.Text, StringComparison.Ordinal);
        var helperFollowUp = await s.NextAsync(accepts, m => Shows(m, AskTexts.FollowUp), ct);
        Assert.Equal((Place.Group, helperIntroduction.Conversation), (helperFollowUp.Where, helperFollowUp.Conversation));
        aiko.Add(await s.PressAsync("Aiko", followUp, AskTexts.ButtonConnected.En, ct));
        var helperConnected = await s.PressAsync(accepts, helperFollowUp, AskTexts.ButtonConnected.En, ct);
        Assert.True(Shows(helperConnected, AskTexts.ConnectedAlready), $"{accepts}'s yes in the introduction's conversation was not taken: {helperConnected}");
        var connection = Assert.Single(await s.Store.ListConnectionsAsync(s.Community, s.Id("Aiko"), ct));
        Assert.Contains(s.Id(accepts), new[] { connection.A, connection.B });
        Assert.NotNull((await AskAsync(s, ask.Id, ct)).ConnectedAt);
        var connections = await Journey.OkAsync(s, "Aiko", "/connections", ct);
        aiko.Add(connections);
        Assert.Contains(accepts, connections.Text, StringComparison.Ordinal);

        foreach (var shown in aiko)
        {
            Assert.All(new[] { declines, s.Id(declines).Value, s.Mention(declines) }, named => Assert.DoesNotContain(named, shown.Text, StringComparison.Ordinal));
        }

        await GiveFirstAsync(s, ct);

        // Hana's ask, made on the first day and answered by nobody, expires two weeks after it was made.
        await s.AdvanceAsync(TimeSpan.FromDays(7), ct);
        await s.NextAsync("Hana", m => Shows(m, AskTexts.ExpiredNote), ct);
        var expired = Assert.Single(await s.Store.ListMemberAsksAsync(s.Community, s.Id("Hana"), ct));
        Assert.Equal(AskStatus.Expired, expired.Status);
    }

    /// <summary>Fumi asks for what nobody offers yet: it stays open, and Gen's offer of it asks him first; his yes introduces them.</summary>
    private static async Task GiveFirstAsync(IJourneySurface s, CancellationToken ct)
    {
        await Journey.OkAsync(s, "Fumi", "/intro set pitch:\"I run a small ceramics studio.\"", ct);
        await Journey.OkAsync(s, "Gen", "/intro set pitch:\"I teach evening classes on glazes.\"", ct);
        var open = await Journey.OkAsync(s, "Fumi", $"/ask request:\"{FumiRequest}\"", ct);
        Assert.True(Shows(open, AskTexts.AskNoCandidate), $"Fumi was not told her ask stays open: {open}");
        var ask = Assert.Single(await s.Store.ListMemberAsksAsync(s.Community, s.Id("Fumi"), ct));
        Assert.Empty(ask.Candidates);

        await Journey.OkAsync(s, "Gen", $"/offer offer:\"{GenOffer}\"", ct);
        var question = await QuestionAsync(s, "Gen", ct);
        Assert.Contains(FumiRequest, question.Text, StringComparison.Ordinal);
        await s.PressAsync("Gen", question, AskTexts.ButtonYes.En, ct);
        await IntroductionAsync(s, "Fumi", "Gen", [FumiRequest, GenOffer], [], ct);
        Assert.Equal(AskStatus.Introduced, (await AskAsync(s, ask.Id, ct)).Status);
    }

    /// <summary>The question "introduce you?" the candidate got by DM, with the asker's pitch and the request.</summary>
    private static async Task<Seen> QuestionAsync(IJourneySurface s, string candidate, CancellationToken ct)
    {
        var question = await s.NextAsync(candidate, m => m.Buttons.Contains(AskTexts.ButtonYes.En) && m.Buttons.Contains(AskTexts.ButtonNotNow.En), ct);
        Assert.Equal(Place.Direct, question.Where);
        return question;
    }

    /// <summary>The introduction <paramref name="member"/> sees, in the group of the two, naming the other and holding <paramref name="texts"/>.</summary>
    private static async Task<Seen> IntroductionAsync(IJourneySurface s, string member, string other, IReadOnlyList<string> texts, List<Seen> shown, CancellationToken ct)
    {
        var introduction = await s.NextAsync(member, m => Collect(shown, m) && m.Where == Place.Group && m.Text.Contains(texts[0], StringComparison.Ordinal), ct);
        Assert.Contains(other, introduction.Text, StringComparison.Ordinal);
        Assert.All(texts, text => Assert.Contains(text, introduction.Text, StringComparison.Ordinal));
        return introduction;
    }

    /// <summary>Keeps every message the member was shown while a wait reads through them; true so the wait goes on judging it.</summary>
    private static bool Collect(List<Seen> shown, Seen message)
    {
        shown.Add(message);
        return true;
    }

    /// <summary>
    /// Whether the message shows <paramref name="text"/>: its longest part between placeholders and quoted commands, which
    /// every surface renders as written (Slack writes <c>/network offer</c> for <c>/offer</c>).
    /// </summary>
    private static bool Shows(Seen message, LocalizedText text) =>
        message.Text.Contains(Regex.Split(text.En, @"\{\d+\}|`[^`]*`").MaxBy(part => part.Length)!, StringComparison.Ordinal);

    private static async Task<Ask> AskAsync(IJourneySurface s, AskId id, CancellationToken ct) =>
        await s.Store.GetAskAsync(s.Community, id, ct) ?? throw new Xunit.Sdk.XunitException($"Ask {id} is not stored.");

    private static string Name(IJourneySurface s, MemberId id) =>
        new[] { "Ben", "Chen", "Dan", "Eve" }.FirstOrDefault(name => s.Id(name) == id) ?? id.Value;
}
