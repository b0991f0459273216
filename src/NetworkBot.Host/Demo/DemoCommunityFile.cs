using System.Text.Json;
using System.Text.Json.Serialization;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;

namespace NetworkBot.Host.Demo;

/// <summary>The shape of <c>config/demo-community.json</c>.</summary>
internal sealed record DemoCommunityFile(DemoCommunityFile.CommunityEntry Community, IReadOnlyList<DemoCommunityFile.MemberEntry> Members)
{
    /// <summary>Requests demo members make with <c>/ask</c>, walked from the ask to the connection so a newcomer sees one.</summary>
    public IReadOnlyList<AskEntry> Asks { get; init; } = [];

    public static async Task<DemoCommunityFile> LoadAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(stream, DemoJsonContext.Default.DemoCommunityFile, ct).ConfigureAwait(false)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    public Community ToCommunity(DateTimeOffset now) => new(
        new CommunityId(Community.Id),
        Community.Name,
        CommunitySettings.Default with
        {
            Language = LanguageCodes.TryParse(Community.Language, out var language) ? language : Language.En,
            TimeZone = Community.TimeZone,
            IntroChannel = "intros",
            CoffeeChannel = "coffee-chats",
            AnnouncementChannel = "announcements",
            Managers = Members.Count > 0 ? [new MemberId(Members[0].Id)] : [],
        },
        now);

    public IReadOnlyList<Member> ToMembers(DateTimeOffset now) => Members
        .Select(m => new Member(
            new CommunityId(Community.Id),
            new MemberId(m.Id),
            m.DisplayName,
            new Profile(m.Pitch, m.Role, m.Industry, m.Offers ?? [], m.Seeks ?? [], m.Interests ?? [], m.TimeZone,
                LanguageCodes.TryParse(m.Language, out var language) ? language : null),
            new CoffeeEnrollment(Joined: true, PausedUntil: null, SkipNext: false),
            now))
        .ToList();

    internal sealed record AskEntry(string Asker, string Request);

    internal sealed record CommunityEntry(string Id, string Name, string Language, string TimeZone);

    internal sealed record MemberEntry(
        string Id,
        string DisplayName,
        string? Pitch,
        string? Role,
        string? Industry,
        IReadOnlyList<string>? Offers,
        IReadOnlyList<string>? Seeks,
        IReadOnlyList<string>? Interests,
        string? TimeZone,
        string? Language);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DemoCommunityFile))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
