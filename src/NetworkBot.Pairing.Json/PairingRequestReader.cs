using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Pairing.Json;

/// <summary>
/// Reads a <c>networkbot pair</c> request in one forward pass over its UTF-8 text, straight into the document that
/// <see cref="PairingJson"/> validates. A request of 100,000 members with 26 rounds of history is about 80 MB, nearly
/// all history ids: each distinct text becomes one string however often it appears, and each history group becomes
/// its <see cref="MemberId"/> array at once, with no tree of JSON values in between.
/// </summary>
/// <remarks>
/// Reads as the source-generated deserializer did before it: property names match exactly, unknown properties
/// are skipped, null is taken wherever a value is optional, and the first value of the wrong type is reported by
/// its path (<c>members[3].interests[1]</c>). The text after that value is still read to its end, so text that is
/// not JSON at all is always reported as such, whatever comes first.
/// </remarks>
internal ref struct PairingRequestReader
{
    /// <summary>
    /// Every property name the request knows, by the length of its UTF-8 text (<c>KnownFields[length]</c>): a name
    /// read from the text is compared with one to three of them.
    /// </summary>
    private static readonly (byte[] Utf8, string Name)[][] KnownFields = FieldsByLength(
        "groupSize", "seed", "mode", "cooldownRounds", "members", "history", "sameIndustryBan", "referenceTime",
        "id", "industry", "interests", "timezone", "blocked", "offers", "seeks", "groups");

    /// <summary>Texts of the request that repeat (industries, interests, zones, purposes), one string each.</summary>
    private readonly Utf8TextPool textPool = new();

    /// <summary>Where the reader is: property names and array positions, to name the field of a wrong value.</summary>
    private readonly List<(string? Field, int Index)> pathSteps = [];

    /// <summary>Lists reused for one member's strings and one history group's ids, which never nest.</summary>
    private readonly List<string?> strings = [];

    private readonly List<MemberId> ids = [];

    /// <summary>Where each group of one history round starts among the round's ids.</summary>
    private readonly List<int> groupStarts = [];

    /// <summary>Resolves history ids to members on another core, once the members are known.</summary>
    private HistoryIdResolver? resolver;

    /// <summary>The members read so far by id, when their ids are all there and distinct; history ids resolve through it.</summary>
    private Utf8MemberIndex? memberIndex;

    /// <summary>An escaped history id, unescaped and back in UTF-8 to be looked up.</summary>
    private byte[] unescaped = new byte[256];

    /// <summary>The text the reader reads, a window at a time.</summary>
    private readonly Utf8InputWindow input;

    private string[]? indexedIds;
    private Utf8JsonReader json;
    private char[] charBuffer = new char[256];
    private string? wrongType;
    private string? nullInHistory;

    private PairingRequestReader(Utf8InputWindow input, bool skipByteOrderMark)
    {
        this.input = input;
        json = input.Start(skipByteOrderMark);
    }

    /// <summary>
    /// The request as written, or null with <paramref name="wrongTypeField"/> naming the first value of the wrong
    /// type ("" for the whole input). Throws <see cref="JsonException"/> for text that is not JSON.
    /// </summary>
    public static PairingRequestDocument? Read(Utf8InputWindow input, bool skipByteOrderMark, out string? wrongTypeField)
    {
        var reader = new PairingRequestReader(input, skipByteOrderMark);
        var document = reader.ReadRequest();
        while (reader.Read())
        {
            // Only the syntax of what is left matters now.
        }

        wrongTypeField = reader.wrongType;
        return document;
    }

    private PairingRequestDocument? ReadRequest()
    {
        Read();
        if (json.TokenType != JsonTokenType.StartObject)
        {
            wrongType = string.Empty;
            return null;
        }

        int? groupSize = null, cooldownRounds = null;
        long? seed = null;
        string? mode = null;
        bool? sameIndustryBan = null;
        DateTimeOffset? referenceTime = null;
        PairingMemberDocument?[]? members = null;
        IPairingHistory? history = null;
        while (NextField(out var field))
        {
            var read = field switch
            {
                "groupSize" => ReadInt(out groupSize),
                "seed" => ReadLong(out seed),
                "mode" => ReadText(out mode),
                "cooldownRounds" => ReadInt(out cooldownRounds),
                "members" => ReadMembers(out members),
                "history" => ReadHistory(out history),
                "sameIndustryBan" => ReadBool(out sameIndustryBan),
                "referenceTime" => ReadTime(out referenceTime),
                _ => Skip(),
            };
            if (!read)
            {
                return null;
            }

            Leave();
        }

        return new PairingRequestDocument(groupSize, seed, mode, cooldownRounds, members, history, sameIndustryBan, referenceTime)
        {
            NullInHistory = nullInHistory,
        };
    }

    private bool ReadMembers(out PairingMemberDocument?[]? members)
    {
        members = null;
        if (!EnterArray(out var isNull))
        {
            return isNull || Fail();
        }

        var read = new List<PairingMemberDocument?>();
        while (NextItem(read.Count))
        {
            if (!ReadMember(out var member))
            {
                return false;
            }

            read.Add(member);
        }

        members = [.. read];
        IndexMembers(members);
        return true;
    }

    /// <summary>Lets history that follows resolve its ids to these members' indices, unless an id is missing or repeated.</summary>
    private void IndexMembers(PairingMemberDocument?[] members)
    {
        (memberIndex, indexedIds) = (null, null);
        var ids = new string[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            if (members[i]?.Id is not { } id)
            {
                return;
            }

            ids[i] = id;
        }

        if (Utf8MemberIndex.Build(ids) is { } index)
        {
            (memberIndex, indexedIds) = (index, ids);
        }
    }

    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadMember(out PairingMemberDocument? member)
    {
        member = null;
        if (json.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (json.TokenType != JsonTokenType.StartObject)
        {
            return Fail();
        }

        string? id = null, industry = null, timezone = null;
        string?[]? interests = null, blocked = null, offers = null, seeks = null;
        while (NextField(out var field))
        {
            var read = field switch
            {
                "id" => ReadText(out id, pool: false),
                "industry" => ReadText(out industry),
                "interests" => ReadTexts(out interests),
                "timezone" => ReadText(out timezone),
                "blocked" => ReadTexts(out blocked),
                "offers" => ReadTexts(out offers),
                "seeks" => ReadTexts(out seeks),
                _ => Skip(),
            };
            if (!read)
            {
                return false;
            }

            Leave();
        }

        member = new PairingMemberDocument(id, industry, interests, timezone, blocked, offers, seeks);
        return true;
    }

    /// <summary>Rounds, groups and ids may be null as far as types go; the first null one is noted for validation.</summary>
    private bool ReadHistory(out IPairingHistory? history)
    {
        history = null;
        if (!EnterArray(out var isNull))
        {
            return isNull || Fail();
        }

        var (rounds, indexed) = (new List<PairingHistoryRound>(), new List<IndexedHistoryRound>());
        var memberIds = indexedIds;
        resolver = memberIndex is null ? null : new HistoryIdResolver(memberIndex, textPool);
        try
        {
            if (!ReadRounds(rounds, indexed))
            {
                return false;
            }

            resolver?.Finish();
        }
        finally
        {
            // Rounds still being resolved when reading stopped early are waited for: no work outlives the read.
            resolver?.Abandon();
        }

        history = memberIds is null ? new PairingHistory([.. rounds]) : new ResolvedHistory([.. rounds], [.. indexed], memberIds);
        return true;
    }

    /// <summary>Reads the rounds, and with them the member indices of each one's ids when the members came first.</summary>
    private bool ReadRounds(List<PairingHistoryRound> rounds, List<IndexedHistoryRound> indexed)
    {
        var index = 0;
        while (NextItem(index++))
        {
            if (json.TokenType == JsonTokenType.Null)
            {
                NoteNullInHistory();
                continue;
            }

            if (json.TokenType != JsonTokenType.StartObject)
            {
                return Fail();
            }

            IReadOnlyList<IReadOnlyList<MemberId>>? groups = null;
            IndexedHistoryRound? indices = null;
            while (NextField(out var field))
            {
                if (!(field == "groups" ? ReadGroups(out groups, out indices) : Skip()))
                {
                    return false;
                }

                Leave();
            }

            rounds.Add(new PairingHistoryRound(groups ?? []));
            // A round with no groups read has nobody in it.
            indexed.Add(indices ?? IndexedHistoryRound.Empty);
        }

        return true;
    }

    /// <summary>One round's groups; <paramref name="indices"/> is set as well when the resolver turns their ids into member indices.</summary>
    private bool ReadGroups(out IReadOnlyList<IReadOnlyList<MemberId>>? groups, out IndexedHistoryRound? indices)
    {
        (groups, indices) = (null, null);
        if (!EnterArray(out var isNull))
        {
            return isNull || Fail();
        }

        var read = resolver is null ? new List<IReadOnlyList<MemberId>>() : null;
        groupStarts.Clear();
        var index = 0;
        while (NextItem(index++))
        {
            if (json.TokenType == JsonTokenType.Null)
            {
                NoteNullInHistory();
                continue;
            }

            if (json.TokenType != JsonTokenType.StartArray)
            {
                return Fail();
            }

            pathSteps.Add((null, 0));
            ids.Clear();
            groupStarts.Add(resolver?.Count ?? 0);
            var position = 0;
            while (NextItem(position++))
            {
                if (!(read is null ? ResolveIdHere() : TextHere(out var id) && AddId(id)))
                {
                    return false;
                }
            }

            read?.Add(ids.ToArray());
        }

        if (read is null)
        {
            groupStarts.Add(resolver!.Count);
            indices = new IndexedHistoryRound(resolver.EndRound(), [.. groupStarts]);
            groups = new ResolvedGroups(indices, indexedIds!, resolver.Strangers);
        }
        else
        {
            groups = [.. read];
        }

        return true;
    }

    private bool AddId(string? id)
    {
        if (id is null)
        {
            NoteNullInHistory();
        }
        else
        {
            ids.Add(new MemberId(id));
        }

        return true;
    }

    /// <summary>
    /// A history id once the members are known, read as <see cref="TextHere"/> reads it, handed to the
    /// <see cref="resolver"/>.
    /// </summary>
    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ResolveIdHere()
    {
        if (json.TokenType != JsonTokenType.String)
        {
            return TextHere(out var id) && (id is not null || AddId(id));
        }

        ReadOnlySpan<byte> utf8;
        try
        {
            utf8 = json.ValueIsEscaped ? Unescape() : json.ValueSpan;
        }
        catch (InvalidOperationException)
        {
            return Fail();
        }

        resolver!.Add(utf8);
        return true;
    }

    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadTexts(out string?[]? texts)
    {
        texts = null;
        if (!EnterArray(out var isNull))
        {
            return isNull || Fail();
        }

        strings.Clear();
        while (NextItem(strings.Count))
        {
            if (!TextHere(out var text))
            {
                return false;
            }

            strings.Add(text);
        }

        texts = [.. strings];
        return true;
    }

    /// <summary>Reads a string or null; <paramref name="pool"/> is false for texts that are all different, such as member ids.</summary>
    private bool ReadText(out string? text, bool pool = true)
    {
        Read();
        return TextHere(out text, pool);
    }

    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TextHere(out string? text, bool pool = true)
    {
        text = null;
        if (json.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (json.TokenType != JsonTokenType.String)
        {
            return Fail();
        }

        try
        {
            if (!pool)
            {
                text = json.GetString();
                return true;
            }

            // The input was checked to be UTF-8 before it was read.
            text = textPool.Get(json.ValueIsEscaped ? Unescape() : json.ValueSpan);
            return true;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is JSON but no string; the deserializer refused it as a wrong value too.
            return Fail();
        }
    }

    private bool ReadInt(out int? value)
    {
        Read();
        value = null;
        if (json.TokenType == JsonTokenType.Number && json.TryGetInt32(out var number))
        {
            value = number;
        }

        return value is not null || json.TokenType == JsonTokenType.Null || Fail();
    }

    private bool ReadLong(out long? value)
    {
        Read();
        value = null;
        if (json.TokenType == JsonTokenType.Number && json.TryGetInt64(out var number))
        {
            value = number;
        }

        return value is not null || json.TokenType == JsonTokenType.Null || Fail();
    }

    private bool ReadBool(out bool? value)
    {
        Read();
        value = json.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is not null || json.TokenType == JsonTokenType.Null || Fail();
    }

    private bool ReadTime(out DateTimeOffset? value)
    {
        Read();
        value = null;
        if (json.TokenType == JsonTokenType.String && json.TryGetDateTimeOffset(out var time))
        {
            value = time;
        }

        return value is not null || json.TokenType == JsonTokenType.Null || Fail();
    }

    /// <summary>Moves to the next property of the current object; false at its end. Unknown names come out as null.</summary>
    private bool NextField(out string? field)
    {
        Read();
        field = null;
        if (json.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        var name = json.ValueIsEscaped ? Unescape() : json.ValueSpan;
        foreach (var (utf8, known) in name.Length < KnownFields.Length ? KnownFields[name.Length] : [])
        {
            if (name.SequenceEqual(utf8))
            {
                field = known;
                break;
            }
        }

        pathSteps.Add((field, 0));
        return true;
    }

    private static (byte[] Utf8, string Name)[][] FieldsByLength(params string[] names)
    {
        var fields = names.Select(name => (Utf8: Encoding.UTF8.GetBytes(name), Name: name)).ToArray();
        return [.. Enumerable.Range(0, fields.Max(field => field.Utf8.Length) + 1)
            .Select(length => fields.Where(field => field.Utf8.Length == length).ToArray())];
    }

    /// <summary>Reads the value of the current property, which must be an array to enter; false for null or another value.</summary>
    private bool EnterArray(out bool isNull)
    {
        Read();
        isNull = json.TokenType == JsonTokenType.Null;
        if (json.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        pathSteps.Add((null, 0));
        return true;
    }

    /// <summary>Moves to item <paramref name="index"/> of the current array; false, leaving the array, at its end.</summary>
    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextItem(int index)
    {
        Read();
        if (json.TokenType == JsonTokenType.EndArray)
        {
            Leave();
            return false;
        }

        pathSteps[^1] = (null, index);
        return true;
    }

    private bool Skip()
    {
        // A value cut by the window's edge is skipped once the window holds all of it.
        while (!json.TrySkip() && input.TryAdvance(ref json))
        {
        }

        return true;
    }

    /// <summary>The next token, from the next window when this one holds no more whole tokens; false at the end of the text.</summary>
    private bool Read()
    {
        while (!json.Read())
        {
            if (!input.TryAdvance(ref json))
            {
                return false;
            }
        }

        return true;
    }

    private readonly void Leave() => pathSteps.RemoveAt(pathSteps.Count - 1);

    private bool Fail()
    {
        wrongType = Path();
        return false;
    }

    private void NoteNullInHistory() => nullInHistory ??= Path();

    private readonly string Path()
    {
        var path = new StringBuilder();
        foreach (var (field, index) in pathSteps)
        {
            _ = field is null ? path.Append('[').Append(index).Append(']')
                : path.Length == 0 ? path.Append(field)
                : path.Append('.').Append(field);
        }

        return path.ToString();
    }

    /// <summary>The current string, unescaped as <see cref="CopyText"/> does it, in UTF-8 in a buffer reused until the next call.</summary>
    private ReadOnlySpan<byte> Unescape()
    {
        var chars = CopyText();
        var length = Encoding.UTF8.GetMaxByteCount(chars.Length);
        if (unescaped.Length < length)
        {
            unescaped = new byte[length];
        }

        return unescaped.AsSpan(0, Encoding.UTF8.GetBytes(chars, unescaped));
    }

    /// <summary>The current string or property name, unescaped, in a buffer reused until the next call.</summary>
    private ReadOnlySpan<char> CopyText()
    {
        // A UTF-8 text never has more UTF-16 chars than bytes, escaped or not.
        if (charBuffer.Length < json.ValueSpan.Length)
        {
            charBuffer = new char[Math.Max(json.ValueSpan.Length, 2 * charBuffer.Length)];
        }

        return charBuffer.AsSpan(0, json.CopyString(charBuffer));
    }
}
