using NetworkBot.Core.Intro;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// A member introduces themselves: the form → saved → posted to the intro channel from the saved answer's button →
/// another member reads it in the channel and looks it up with <c>/intro show</c>.
/// </summary>
internal static class IntroJourney
{
    private const string Pitch = "I build payment APIs in Tokyo and love hiking on weekends.";

    public static async Task WalkAsync(IJourneySurface s, CancellationToken ct)
    {
        await s.StartAsync("Mana", ct);
        await Journey.OkAsync(s, "Mana", $"/admin setup intro-channel:{s.Channel("intros")}", ct);

        var form = await s.RunAsync("Aiko", "/intro set", ct);
        Assert.True(form.IsForm, $"/intro set without options should open the form: {form}");
        Assert.Contains("pitch", form.FormFields!);
        var saved = await s.SubmitAsync("Aiko", form, new Dictionary<string, string>
        {
            ["pitch"] = Pitch,
            ["role"] = "Engineer",
            ["industry"] = "finance",
            ["offers"] = "code review, intros to VCs",
            ["seeks"] = "UX feedback",
        }, ct);
        Assert.Contains(IntroTexts.IntroSaved.En[..20], saved.Text, StringComparison.Ordinal);

        var profile = (await Journey.MemberAsync(s, "Aiko", ct)).Profile;
        Assert.Equal((Pitch, "Engineer", "finance"), (profile.Pitch, profile.Role, profile.Industry));
        Assert.Equal(["code review", "intros to VCs"], profile.Offers);

        await s.PressAsync("Aiko", saved, IntroTexts.ButtonPostIntro.En, ct);
        var posted = await s.NextAsync("Ben", m => m.Text.Contains(Pitch, StringComparison.Ordinal), ct);
        Assert.Equal(Place.Channel, posted.Where);
        Assert.Contains("Aiko", posted.Text, StringComparison.Ordinal);

        var shown = await Journey.OkAsync(s, "Ben", $"/intro show member:{s.Mention("Aiko")}", ct);
        Assert.Contains(Pitch, shown.Text, StringComparison.Ordinal);
        Assert.Contains("code review", shown.Text, StringComparison.Ordinal);
    }
}
