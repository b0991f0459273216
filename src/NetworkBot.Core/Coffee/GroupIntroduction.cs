using System.Globalization;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;
using NodaTime;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// The message a new group gets: who everyone is (pitch, offers, seeks), why they were matched, three
/// conversation starters for what they share, and times that fall in everyone's working hours.
/// </summary>
public sealed class GroupIntroduction(ConversationStarters starters)
{
    public Reply Compose(IReadOnlyList<Member> members, Community community, GroupId group, DateTimeOffset from, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(community);
        var language = community.Settings.Language;
        var fields = members.Select(m => Introduce(m, language)).ToList();

        var shared = SharedInterests(members);
        var industries = members.Select(m => m.Profile.Industry).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var crossIndustry = industries.Count > 1;
        fields.Add(new ReplyField(CoffeeTexts.RoundWhyTitle.Get(language), string.Join('\n', Reasons(members, shared, industries, language))));

        var questions = starters.Pick(shared, crossIndustry, StableHash(group.Value));
        if (questions.Count > 0)
        {
            fields.Add(new ReplyField(CoffeeTexts.RoundStartersTitle.Get(language), string.Join('\n', questions.Select(q => "• " + q.Get(language)))));
        }

        var communityZone = Zone(community.Settings.TimeZone) ?? DateTimeZone.Utc;
        var zones = members.Select(m => Zone(m.Profile.TimeZone) ?? communityZone).Distinct().ToList();
        var slots = MeetingTimes.Suggest(zones, from, until);
        fields.Add(new ReplyField(
            CoffeeTexts.RoundTimesTitle.Get(language),
            slots.Count == 0 ? CoffeeTexts.RoundNoCommonTime.Get(language) : string.Join('\n', slots.Select(s => "• " + Describe(s, zones, language)))));

        // Everyone in the group reads this one message, so it greets them all by name.
        return new Reply(CoffeeTexts.RoundGroupIntro.Format(language, NameList.Join(members.Select(m => m.DisplayName), language)))
        {
            Title = CoffeeTexts.RoundGroupTitle.Get(language),
            Fields = fields,
        };
    }

    /// <summary>A member's card as one field: pitch, then what they offer and seek.</summary>
    public static ReplyField Introduce(Member member, Language language)
    {
        ArgumentNullException.ThrowIfNull(member);
        var card = ProfileCard.For(member, language);
        var about = string.Join('\n', new[] { card.Text }.Concat(card.Fields.Select(f => $"{f.Name}: {f.Value}")).Where(s => s.Length > 0));
        return new ReplyField(member.DisplayName, about.Length > 0 ? about : "—");
    }

    private static IEnumerable<string> Reasons(IReadOnlyList<Member> members, IReadOnlyList<string> shared, IReadOnlyList<string> industries, Language language)
    {
        var any = false;
        if (shared.Count > 0)
        {
            any = true;
            yield return CoffeeTexts.RoundWhySharedInterests.Format(language, string.Join(", ", shared));
        }

        if (industries.Count > 1)
        {
            any = true;
            yield return CoffeeTexts.RoundWhyIndustries.Format(language, string.Join(", ", industries));
        }

        foreach (var giver in members)
        {
            foreach (var taker in members.Where(t => t.Id != giver.Id))
            {
                var match = giver.Profile.Offers.FirstOrDefault(o => taker.Profile.Seeks.Contains(o, StringComparer.OrdinalIgnoreCase));
                if (match is not null)
                {
                    any = true;
                    yield return CoffeeTexts.RoundWhyOfferSeek.Format(language, giver.DisplayName, match, taker.DisplayName);
                }
            }
        }

        if (!any)
        {
            yield return CoffeeTexts.RoundWhyNew.Get(language);
        }
    }

    /// <summary>Interests held by at least two members of the group.</summary>
    public static IReadOnlyList<string> SharedInterests(IEnumerable<Member> members) =>
        members.SelectMany(m => m.Profile.Interests.Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(i => i, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();

    /// <summary>"Tue 25 Nov 10:00 Asia/Tokyo · 02:00 Europe/London": the slot in every zone of the group.</summary>
    private static string Describe(DateTimeOffset slot, IReadOnlyList<DateTimeZone> zones, Language language)
    {
        var culture = CultureInfo.GetCultureInfo(language == Language.Ja ? "ja-JP" : "en-GB");
        var dayPattern = language == Language.Ja ? "M月d日(ddd) HH:mm" : "ddd d MMM HH:mm";
        var instant = Instant.FromDateTimeOffset(slot);
        return string.Join(" · ", zones.Select((zone, i) =>
        {
            var local = instant.InZone(zone).ToDateTimeUnspecified();
            return local.ToString(i == 0 ? dayPattern : "HH:mm", culture) + " " + zone.Id;
        }));
    }

    private static DateTimeZone? Zone(string? id) => id is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    /// <summary>FNV-1a: string.GetHashCode is randomised per process, and starters must not change between runs.</summary>
    public static ulong StableHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
