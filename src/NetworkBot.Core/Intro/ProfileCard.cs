using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Intro;

/// <summary>A member's introduction as a reply: the pitch as text, everything else as fields.</summary>
public static class ProfileCard
{
    public static Reply For(Member member, Language language)
    {
        ArgumentNullException.ThrowIfNull(member);
        var profile = member.Profile;
        var fields = new List<ReplyField>();
        Add(IntroTexts.FieldRole, profile.Role, inline: true);
        Add(IntroTexts.FieldIndustry, profile.Industry, inline: true);
        Add(IntroTexts.FieldOffers, Join(profile.Offers), inline: false);
        Add(IntroTexts.FieldSeeks, Join(profile.Seeks), inline: false);
        Add(IntroTexts.FieldInterests, Join(profile.Interests), inline: false);
        Add(Messages.FieldTimeZone, profile.TimeZone, inline: true);
        return new Reply(profile.Pitch ?? string.Empty) { Title = member.DisplayName, Fields = fields };

        void Add(LocalizedText name, string? value, bool inline)
        {
            if (!string.IsNullOrEmpty(value))
            {
                fields.Add(new ReplyField(name.Get(language), value, inline));
            }
        }
    }

    /// <summary>
    /// The card its owner sees: also whether they take intro requests (<c>/ask</c>), which is theirs to know and nobody
    /// else's — a member who said no is not singled out to others.
    /// </summary>
    public static Reply ForOwner(Member member, Language language)
    {
        ArgumentNullException.ThrowIfNull(member);
        var card = For(member, language);
        var open = member.Profile.OpenToIntros ? IntroTexts.OpenToIntrosYes : IntroTexts.OpenToIntrosNo;
        return card with { Fields = [.. card.Fields, new ReplyField(IntroTexts.FieldOpenToIntros.Get(language), open.Get(language), Inline: false)] };
    }

    private static string? Join(IReadOnlyList<string> items) => items.Count == 0 ? null : string.Join(", ", items);
}
