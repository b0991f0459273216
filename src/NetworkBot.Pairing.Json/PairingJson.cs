using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Pairing.Json;

/// <summary>
/// Reads and writes the JSON of <c>networkbot pair</c> (see DESIGN.md, "The pairing contract"). Bad input is
/// answered with one English sentence naming the field, never an exception.
/// </summary>
public static partial class PairingJson
{
    public const int DefaultGroupSize = 2;
    public const int DefaultCooldownRounds = 12;

    private const int FlushBytes = 64 * 1024;

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
        using var utf8Json = new MemoryStream(Encoding.UTF8.GetBytes(json), writable: false);
        return TryRead(new Utf8InputWindow(utf8Json), skipByteOrderMark: false, out request, out error);
    }

    /// <summary>
    /// Reads the request from UTF-8 bytes, as the CLI gets it on stdin, from where the stream stands to its end, a
    /// window at a time: neither the whole text nor a string of it is ever held. A byte order mark is skipped, and
    /// bytes that are not UTF-8 read as U+FFFD, as a text reader would.
    /// </summary>
    public static bool TryReadRequest(
        Stream utf8Json,
        [NotNullWhen(true)] out PairingRequest? request,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return TryRead(new Utf8InputWindow(utf8Json), skipByteOrderMark: true, out request, out error);
    }

    public static string WriteResult(PairingResult result)
    {
        var utf8Json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(utf8Json))
        {
            Write(result, writer);
        }

        return Encoding.UTF8.GetString(utf8Json.WrittenSpan);
    }

    /// <summary>The result as <see cref="WriteResult(PairingResult)"/> writes it, in UTF-8 on <paramref name="utf8Json"/>.</summary>
    public static void WriteResult(PairingResult result, Stream utf8Json)
    {
        using var writer = new Utf8JsonWriter(utf8Json);
        Write(result, writer);
    }

    /// <summary>
    /// <c>{"groups": [[ids…]…], "seed": n, "stats": {…}}</c>, written field by field: no serializer metadata to build
    /// for one document per process, and no general path over nested lists for the megabytes of a large result.
    /// </summary>
    private static void Write(PairingResult result, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteStartArray("groups");
        foreach (var group in result.Groups)
        {
            // Handed on every 64 KB: a writer on a stream holds everything written until it is flushed, and a
            // large result is megabytes, regrown and copied at every doubling.
            if (writer.BytesPending > FlushBytes)
            {
                writer.Flush();
            }

            writer.WriteStartArray();
            foreach (var id in group)
            {
                writer.WriteStringValue(id.Value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteNumber("seed", result.Seed);
        var stats = result.Stats;
        writer.WriteStartObject("stats");
        writer.WriteNumber("members", stats.Members);
        writer.WriteNumber("groups", stats.Groups);
        writer.WriteNumber("largerGroups", stats.LargerGroups);
        writer.WriteNumber("repeatPairs", stats.RepeatPairs);
        writer.WriteNumber("cooldownViolations", stats.CooldownViolations);
        writer.WriteNumber("crossIndustryShare", Math.Round(stats.CrossIndustryShare, 4));
        writer.WriteNumber("sharedInterestShare", Math.Round(stats.SharedInterestShare, 4));
        // The optional figures appear only when they have something to say.
        if (stats.OfferSeekMatches != 0)
        {
            writer.WriteNumber("offerSeekMatches", stats.OfferSeekMatches);
        }

        if (stats.SameIndustryBanRelaxations != 0)
        {
            writer.WriteNumber("sameIndustryBanRelaxations", stats.SameIndustryBanRelaxations);
        }

        if (stats.MeanWorkingHoursOverlap is { } hours)
        {
            writer.WriteNumber("meanWorkingHoursOverlap", Math.Round(hours, 2));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static bool TryRead(
        Utf8InputWindow input,
        bool skipByteOrderMark,
        [NotNullWhen(true)] out PairingRequest? request,
        [NotNullWhen(false)] out string? error)
    {
        request = null;
        PairingRequestDocument? document;
        string? wrongTypeField;
        try
        {
            document = PairingRequestReader.Read(input, skipByteOrderMark, out wrongTypeField);
        }
        catch (JsonException exception)
        {
            error = $"The input is not valid JSON (line {exception.LineNumber + 1}, " +
                $"position {exception.BytePositionInLine + 1}).";
            return false;
        }

        error = document is null ? WrongType(wrongTypeField) : Validate(document);
        if (error is not null)
        {
            return false;
        }

        request = ToRequest(document!);
        return true;
    }

    private static string WrongType(string? path)
    {
        var field = path is null or "$" ? string.Empty : path.TrimStart('$', '.');
        var expected = Expectations.GetValueOrDefault(Indices().Replace(field, "[]"), "a value of another type");
        return field.Length == 0 ? $"The input must be {expected}." : $"The field '{field}' must be {expected}.";
    }

    private static string? Validate(PairingRequestDocument document)
    {
        if (document.Mode is not null && !PairingModeNames.TryParse(document.Mode, out _))
        {
            return $"The field 'mode' must be one of {string.Join(", ", PairingModeNames.All)}, not '{document.Mode}'.";
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
            if (ValidateMember(document.Members[i], i) is { } memberError)
            {
                return memberError;
            }
        }

        if (document.NullInHistory is { } field)
        {
            return WrongType(field);
        }

        return null;
    }

    /// <summary>Field names are only written out for an error: a large round validates 100,000 members.</summary>
    private static string? ValidateMember(PairingMemberDocument? member, int index)
    {
        if (member is null)
        {
            return WrongType($"members[{index}]");
        }

        if (string.IsNullOrWhiteSpace(member.Id))
        {
            return $"The field 'members[{index}].id' must be a non-empty member id.";
        }

        return FirstNull(member.Interests, index, "interests") ?? FirstNull(member.Blocked, index, "blocked")
            ?? FirstNull(member.Offers, index, "offers") ?? FirstNull(member.Seeks, index, "seeks");
    }

    private static string? FirstNull(string?[]? items, int member, string list)
    {
        var index = Array.IndexOf(items ?? [], null);
        return index < 0 ? null : WrongType($"members[{member}].{list}[{index}]");
    }

    private static PairingRequest ToRequest(PairingRequestDocument document) =>
        new(
            GroupSize: document.GroupSize ?? DefaultGroupSize,
            // A fresh seed stays below 2^31 so it survives any JSON reader and is easy to retype when reproducing.
            Seed: document.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue),
            Mode: document.Mode is not null && PairingModeNames.TryParse(document.Mode, out var mode) ? mode : PairingMode.Random,
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
            History: document.History ?? PairingHistory.Empty)
        {
            SameIndustryBan = document.SameIndustryBan ?? false,
            ReferenceTime = document.ReferenceTime ?? PairingRequest.DefaultReferenceTime,
        };

    /// <summary>The items of a validated list, where no item is null any more.</summary>
    private static string[] Strings(string?[]? items) => (items ?? [])!;

    private static MemberId[] Ids(string?[]? items) => items?.Select(item => new MemberId(item!)).ToArray() ?? [];

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Indices();
}
