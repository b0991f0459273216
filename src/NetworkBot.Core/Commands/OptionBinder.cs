using System.Globalization;
using System.Text;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Texts;
using NodaTime;

namespace NetworkBot.Core.Commands;

/// <summary>
/// Checks raw option values against the command table and turns them into typed values. Every problem
/// is reported, not just the first, so the user can fix them all at once.
/// </summary>
public sealed class OptionBinder(IMemberStore store)
{
    /// <summary>No raw value may be longer than this, whatever the option; stops oversized input before any work.</summary>
    public const int MaxRawLength = 4000;

    private const int MaxListItems = 10;
    private const int MaxListItemLength = 80;
    private static readonly char[] ListSeparators = [',', '、', '，'];

    public async Task<(CommandOptions? Options, IReadOnlyList<LocalizedMessage> Errors)> BindAsync(
        CommandSpec spec, IReadOnlyDictionary<string, string> raw, CommunityId community, CancellationToken ct)
    {
        var errors = new List<LocalizedMessage>();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in raw.Keys.Where(n => spec.Options.All(o => o.Name != n)))
        {
            errors.Add(new(Messages.UnknownOption, spec.Path, name, string.Join(", ", spec.Options.Select(o => o.Name))));
        }

        foreach (var option in spec.Options)
        {
            var given = raw.TryGetValue(option.Name, out var value);
            var text = given ? Clean(value!) : string.Empty;
            if (text.Length == 0)
            {
                if (option.Required)
                {
                    errors.Add(new(Messages.MissingOption, option.Name));
                }
                else if (given)
                {
                    values[option.Name] = null;
                }

                continue;
            }

            var (parsed, error) = value!.Length > MaxRawLength
                ? (null, new LocalizedMessage(Messages.TooLong, option.Name, value.Length, option.MaxLength))
                : await ConvertAsync(option, text, community, ct).ConfigureAwait(false);
            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                values[option.Name] = parsed;
            }
        }

        return errors.Count == 0 ? (new CommandOptions(spec, values), errors) : (null, errors);
    }

    private async Task<(object? Value, LocalizedMessage? Error)> ConvertAsync(OptionSpec option, string text, CommunityId community, CancellationToken ct)
    {
        switch (option.Kind)
        {
            case OptionKind.Text:
                var length = text.EnumerateRunes().Count();
                return length <= option.MaxLength ? (text, null) : (null, new(Messages.TooLong, option.Name, length, option.MaxLength));
            case OptionKind.List:
                return ToList(option, text);
            case OptionKind.Choice:
                var choice = option.Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                return choice is not null ? (choice, null) : (null, new(Messages.NotAChoice, option.Name, string.Join(", ", option.Choices)));
            case OptionKind.Integer:
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= option.Min && number <= option.Max
                    ? (number, null)
                    : (null, new(Messages.NotAnInteger, option.Name, option.Min, option.Max));
            case OptionKind.Duration:
                return DurationText.TryParse(text, out var span) && span.TotalMinutes >= option.Min && span.TotalMinutes <= option.Max
                    ? (span, null)
                    : (null, new(Messages.NotADuration, option.Name, DurationText.Format(TimeSpan.FromMinutes(option.Min)), DurationText.Format(TimeSpan.FromMinutes(option.Max)), DurationText.Examples));
            case OptionKind.Date:
                return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date, null)
                    : (null, new(Messages.NotADate, option.Name, text));
            case OptionKind.Time:
                return TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var timeOfDay)
                    ? (timeOfDay, null)
                    : (null, new(Messages.NotATime, option.Name, text));
            case OptionKind.TimeZone:
                var zone = FindZone(text);
                return zone is not null ? (zone, null) : (null, new(Messages.NotATimeZone, text));
            case OptionKind.Language:
                return LanguageCodes.TryParse(text, out var language) ? (language, null) : (null, new(Messages.NotALanguage, option.Name));
            case OptionKind.Channel:
            case OptionKind.Role:
                var reference = PlatformReference(text);
                return reference is not null ? (reference, null) : (null, new(Messages.NotAReference, option.Name, text));
            case OptionKind.Member:
                return await ResolveMemberAsync(text, community, ct).ConfigureAwait(false);
            default:
                throw new InvalidOperationException($"Option kind {option.Kind} has no converter.");
        }
    }

    private static (object? Value, LocalizedMessage? Error) ToList(OptionSpec option, string text)
    {
        if (text.Length > option.MaxLength)
        {
            return (null, new(Messages.TooLong, option.Name, text.Length, option.MaxLength));
        }

        var items = text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (items.Count > MaxListItems)
        {
            return (null, new(Messages.ListTooLong, option.Name, items.Count, MaxListItems));
        }

        return items.Any(i => i.Length > MaxListItemLength)
            ? (null, new(Messages.ListItemTooLong, option.Name, MaxListItemLength))
            : (items, null);
    }

    /// <summary>The canonical IANA id for <paramref name="text"/>, matching case-insensitively (people type asia/tokyo).</summary>
    public static string? FindZone(string text)
    {
        var ids = DateTimeZoneProviders.Tzdb.Ids;
        return ids.Contains(text) ? text : ids.FirstOrDefault(id => string.Equals(id, text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A channel or role as the platform refers to it: Discord <c>&lt;#123&gt;</c> / <c>&lt;@&amp;123&gt;</c>,
    /// Slack <c>&lt;#C123|general&gt;</c>, or a plain name such as <c>#intros</c>. Broadcast names are refused.
    /// </summary>
    private static string? PlatformReference(string text)
    {
        var value = text.Trim();
        if (value.StartsWith('<') && value.EndsWith('>'))
        {
            value = value[1..^1].TrimStart('#', '@', '&', '!');
            value = value.Split('|')[0];
        }

        value = value.TrimStart('#', '@');
        var broadcast = value.Equals("everyone", StringComparison.OrdinalIgnoreCase) || value.Equals("here", StringComparison.OrdinalIgnoreCase)
            || value.Equals("channel", StringComparison.OrdinalIgnoreCase);
        return value.Length is 0 or > 100 || broadcast || value.Any(char.IsWhiteSpace) ? null : value;
    }

    private async Task<(object? Value, LocalizedMessage? Error)> ResolveMemberAsync(string text, CommunityId community, CancellationToken ct)
    {
        var reference = text.Trim();
        if (reference.StartsWith("<@", StringComparison.Ordinal) && reference.EndsWith('>'))
        {
            reference = reference[2..^1].TrimStart('!').Split('|')[0];
        }

        reference = reference.TrimStart('@');
        if (reference.Length == 0 || reference.Length > 100)
        {
            return (null, new(Messages.MemberNotFound, text));
        }

        var byId = await store.GetMemberAsync(community, new MemberId(reference), ct).ConfigureAwait(false);
        if (byId is not null)
        {
            return (byId, null);
        }

        var byName = await store.FindMembersByNameAsync(community, reference, ct).ConfigureAwait(false);
        return byName.Count switch
        {
            1 => (byName[0], null),
            0 => (null, new(IsPlatformId(reference) ? Messages.MemberNotStored : Messages.MemberNotFound, reference)),
            _ => (null, new(Messages.MemberAmbiguous, reference)),
        };
    }

    /// <summary>
    /// Whether <paramref name="reference"/> is a platform's user id (a Discord snowflake, a Slack U… or W… id), as a
    /// mention or a button carries it: a member picked, not a name typed, so not finding them means nothing is stored
    /// about them — they never used the bot here, or were erased — which is said instead of "no member called 8138…".
    /// </summary>
    private static bool IsPlatformId(string reference) =>
        reference.Length >= 8
        && (reference.All(char.IsAsciiDigit) || (reference[0] is 'U' or 'W' && reference.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))));

    /// <summary>Trims and drops control characters (except line breaks) that no chat client shows.</summary>
    private static string Clean(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxRawLength + 1));
        foreach (var c in value.Trim())
        {
            if (!char.IsControl(c) || c == '\n')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
