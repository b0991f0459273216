using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// Reads and writes the JSON of <c>networkbot pair</c> (see DESIGN.md, "The pairing contract"). Bad input is
/// answered with one English sentence naming the field, never an exception.
/// </summary>
public static partial class PairingJson
{
    public const int DefaultGroupSize = 2;
    public const int DefaultCooldownRounds = 12;

    private static readonly Dictionary<string, PairingMode> Modes = new(StringComparer.Ordinal)
    {
        ["random"] = PairingMode.Random,
        ["cross-industry"] = PairingMode.CrossIndustry,
        ["shared-interest"] = PairingMode.SharedInterest,
    };

    /// <summary>What each field must hold, keyed by its path with array indices removed.</summary>
    private static readonly Dictionary<string, string> Expectations = new(StringComparer.Ordinal)
    {
        [""] = "a JSON object",
        ["groupSize"] = "a whole number",
        ["seed"] = "a whole number",
        ["mode"] = "a string",
        ["cooldownRounds"] = "a whole number",
        ["members"] = "an array of members",
        ["members[]"] = "a member object",
        ["members[].id"] = "a string",
        ["members[].industry"] = "a string",
        ["members[].interests"] = "an array of strings",
        ["members[].interests[]"] = "a string",
        ["members[].timezone"] = "a string",
        ["members[].blocked"] = "an array of member ids",
        ["members[].blocked[]"] = "a string",
        ["members[].offers"] = "an array of strings",
        ["members[].offers[]"] = "a string",
        ["members[].seeks"] = "an array of strings",
        ["members[].seeks[]"] = "a string",
        ["sameIndustryBan"] = "true or false",
        ["referenceTime"] = "a date and time with its offset, such as 2025-01-06T09:00:00+09:00",
        ["history"] = "an array of rounds",
        ["history[]"] = "a round object",
        ["history[].groups"] = "an array of groups",
        ["history[].groups[]"] = "an array of member ids",
        ["history[].groups[][]"] = "a string",
    };

    public static bool TryReadRequest(
        string json,
        [NotNullWhen(true)] out PairingRequest? request,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        request = null;
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            error = $"The input is not valid JSON (line {exception.LineNumber + 1}, " +
                $"position {exception.BytePositionInLine + 1}).";
            return false;
        }

        PairingRequestDocument? document;
        using (parsed)
        {
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "The input must be a JSON object.";
                return false;
            }

            try
            {
                document = parsed.RootElement.Deserialize(PairingJsonContext.Default.PairingRequestDocument);
            }
            catch (JsonException exception)
            {
                error = WrongType(exception.Path);
                return false;
            }
        }

        error = Validate(document!);
        if (error is not null)
        {
            return false;
        }

        request = ToRequest(document!);
        return true;
    }

    public static string WriteResult(PairingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var stats = result.Stats with
        {
            CrossIndustryShare = Math.Round(result.Stats.CrossIndustryShare, 4),
            SharedInterestShare = Math.Round(result.Stats.SharedInterestShare, 4),
            MeanWorkingHoursOverlap = result.Stats.MeanWorkingHoursOverlap is { } hours ? Math.Round(hours, 2) : null,
        };
        var document = new PairingResultDocument(
            result.Groups.Select(group => (IReadOnlyList<string>)group.Select(id => id.Value).ToArray()).ToArray(),
            result.Seed,
            stats);
        return JsonSerializer.Serialize(document, PairingJsonContext.Default.PairingResultDocument);
    }

    private static string WrongType(string? path)
    {
        var field = path is null or "$" ? string.Empty : path.TrimStart('$', '.');
        var expected = Expectations.GetValueOrDefault(Indices().Replace(field, "[]"), "a value of another type");
        return field.Length == 0 ? $"The input must be {expected}." : $"The field '{field}' must be {expected}.";
    }

    private static string? Validate(PairingRequestDocument document)
    {
        if (document.Mode is not null && !Modes.ContainsKey(document.Mode))
        {
            return $"The field 'mode' must be one of {string.Join(", ", Modes.Keys)}, not '{document.Mode}'.";
        }

        if (document.CooldownRounds < 0)
        {
            return $"The field 'cooldownRounds' must be zero or more, not {document.CooldownRounds}.";
        }

        if (document.Members is null)
        {
            return "The field 'members' is missing; it must list the members of the round.";
        }

        for (var i = 0; i < document.Members.Count; i++)
        {
            if (ValidateMember(document.Members[i], $"members[{i}]") is { } memberError)
            {
                return memberError;
            }
        }

        var history = document.History ?? [];
        for (var i = 0; i < history.Count; i++)
        {
            if (ValidateRound(history[i], $"history[{i}]") is { } roundError)
            {
                return roundError;
            }
        }

        return null;
    }

    private static string? ValidateMember(PairingMemberDocument? member, string field)
    {
        if (member is null)
        {
            return WrongType(field);
        }

        if (string.IsNullOrWhiteSpace(member.Id))
        {
            return $"The field '{field}.id' must be a non-empty member id.";
        }

        return FirstNull(member.Interests, $"{field}.interests") ?? FirstNull(member.Blocked, $"{field}.blocked")
            ?? FirstNull(member.Offers, $"{field}.offers") ?? FirstNull(member.Seeks, $"{field}.seeks");
    }

    private static string? ValidateRound(PairingHistoryDocument? round, string field)
    {
        if (round is null)
        {
            return WrongType(field);
        }

        var groups = round.Groups ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i] is null)
            {
                return WrongType($"{field}.groups[{i}]");
            }

            if (FirstNull(groups[i], $"{field}.groups[{i}]") is { } groupError)
            {
                return groupError;
            }
        }

        return null;
    }

    private static string? FirstNull(IReadOnlyList<string?>? items, string field)
    {
        for (var index = 0; index < (items?.Count ?? 0); index++)
        {
            if (items![index] is null)
            {
                return WrongType($"{field}[{index}]");
            }
        }

        return null;
    }

    private static PairingRequest ToRequest(PairingRequestDocument document) =>
        new(
            GroupSize: document.GroupSize ?? DefaultGroupSize,
            // A fresh seed stays below 2^31 so it survives any JSON reader and is easy to retype when reproducing.
            Seed: document.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue),
            Mode: document.Mode is null ? PairingMode.Random : Modes[document.Mode],
            CooldownRounds: document.CooldownRounds ?? DefaultCooldownRounds,
            Members: document.Members!.Select(member => new PairingMember(
                    new MemberId(member!.Id!),
                    member.Industry,
                    Strings(member.Interests),
                    member.Timezone,
                    Ids(member.Blocked))
                {
                    Offers = Strings(member.Offers),
                    Seeks = Strings(member.Seeks),
                })
                .ToArray(),
            History: (document.History ?? [])
                .Select(round => new PairingHistoryRound((round!.Groups ?? []).Select(Ids).ToArray()))
                .ToArray())
        {
            SameIndustryBan = document.SameIndustryBan ?? false,
            ReferenceTime = document.ReferenceTime ?? PairingRequest.DefaultReferenceTime,
        };

    private static string[] Strings(IReadOnlyList<string?>? items) => items?.Select(item => item!).ToArray() ?? [];

    private static IReadOnlyList<MemberId> Ids(IReadOnlyList<string?>? items) =>
        items?.Select(item => new MemberId(item!)).ToArray() ?? [];

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Indices();
}
