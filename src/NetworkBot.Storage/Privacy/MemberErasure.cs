using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Storage.Serialization;

namespace NetworkBot.Storage.Privacy;

/// <summary>
/// How every provider rewrites the stored text that names an erased member (<see cref="Core.Privacy.IPrivacyStore.EraseMemberAsync"/>):
/// their id becomes the placeholder's, their display name <see cref="PlaceholderName"/>, so no row holds either afterwards
/// while the rows other members need stay readable and deliverable. The providers run the statements; the decisions are here,
/// once.
/// </summary>
/// <remarks>
/// An id is replaced only where it stands as a whole (not inside a longer id that begins with it); a display name wherever
/// it appears, since a message may quote it in any sentence. JSON is rewritten value by value (names of properties too), so
/// an escaped name is found and the result stays valid JSON.
/// </remarks>
internal sealed class MemberErasure
{
    /// <summary>
    /// What stands in a stored message where the erased member's name was: a dash, which reads the same in Japanese and
    /// English, since the store does not know the language a message was written in.
    /// </summary>
    public const string PlaceholderName = "—";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Regex id;
    private readonly string? name;

    /// <summary>The member's id and name as plain text and JSON text hold them: what a row must contain to name them.</summary>
    private readonly string[] needles;

    public MemberErasure(MemberId member, string? displayName, MemberId placeholder)
    {
        Member = member;
        Placeholder = placeholder;
        id = new Regex($"(?<![A-Za-z0-9_\\-]){Regex.Escape(member.Value)}(?![A-Za-z0-9_\\-])", RegexOptions.CultureInvariant);
        name = string.IsNullOrWhiteSpace(displayName) ? null : displayName;
        needles = name is null
            ? [member.Value]
            : [.. new[] { member.Value, name, JsonEncodedText.Encode(name, Relaxed.Encoder).ToString() }.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The texts a stored row must contain (one of them) to name the member, for a provider's search: the id first, then
    /// the name and the name as JSON escapes it.
    /// </summary>
    public IReadOnlyList<string> Needles => needles;

    public MemberId Member { get; }

    public MemberId Placeholder { get; }

    /// <summary>
    /// Where the erased member stood in a connection: the placeholder, the pair ordered as <see cref="Core.Connections.Connection"/>
    /// requires (A ordinally before B).
    /// </summary>
    public (string A, string B) Pair(string a, string b)
    {
        var (one, other) = (a == Member.Value ? Placeholder.Value : a, b == Member.Value ? Placeholder.Value : b);
        return string.CompareOrdinal(one, other) < 0 ? (one, other) : (other, one);
    }

    /// <summary>Whether a list of members (a community's managers) holds the erased member.</summary>
    public bool IsListedIn(string memberIdsJson) => StoredJson.ReadMemberIds(memberIdsJson).Contains(Member);

    /// <summary>A list of members (a community's managers) without the erased member.</summary>
    public string Without(string memberIdsJson) =>
        StoredJson.Write([.. StoredJson.ReadMemberIds(memberIdsJson).Where(m => m != Member)]);

    /// <summary>
    /// An outbox message after the erasure: the same row when it does not name the member; null when it goes (one addressed to the erased member alone, delivered or not:
    /// it holds their data, an export file or a welcome); else with the member replaced. An undelivered message to a group
    /// is sent to the others only (none left: it goes), since no one can receive a message as the placeholder; a delivered
    /// one keeps the placeholder in its place, as the group's history does. An interest group's space still to be made for
    /// a manager who is erased is still made (others join it), with the placeholder as the manager told.
    /// </summary>
    public OutboxText? Outbox(OutboxText row, bool delivered)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!new[] { row.Target, row.Key, row.Reply, row.Progress, row.LastError }.Any(text => text is not null && Mentions(text)))
        {
            return row;
        }

        var target = StoredJson.ReadTarget(row.Target);
        if (target.Members.Count > 0 && target.Members.All(m => m == Member) && target.Kind is MessageTargetKind.Member or MessageTargetKind.InterestSpace)
        {
            return null;
        }

        var targetJson = row.Target;
        if (!delivered && target.Kind == MessageTargetKind.Group && target.Members.Contains(Member))
        {
            var others = target.Members.Where(m => m != Member).ToList();
            if (others.Count == 0)
            {
                return null;
            }

            targetJson = StoredJson.Write(target with { Members = others });
        }

        // The target's strings are ids, kinds and channels: only the id is replaced there, so a name that happens to be a
        // kind's (a member called "Group") cannot change where the message goes.
        return new OutboxText(
            id.Replace(targetJson, Placeholder.Value),
            Text(row.Key),
            Json(row.Reply),
            row.Progress is null ? null : JsonOrText(row.Progress),
            row.LastError is null ? null : Text(row.LastError));
    }

    /// <summary>Whether <paramref name="text"/> holds the member's id (whole) or name, as plain or JSON text.</summary>
    private bool Mentions(string text) => id.IsMatch(text) || needles.Skip(1).Any(n => text.Contains(n, StringComparison.Ordinal));

    /// <summary>Plain text with the member's id and name replaced.</summary>
    public string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var replaced = id.Replace(text, Placeholder.Value);
        return name is null ? replaced : replaced.Replace(name, PlaceholderName, StringComparison.Ordinal);
    }

    /// <summary>JSON text with the member's id and name replaced in every string and property name.</summary>
    public string Json(string json)
    {
        var node = JsonNode.Parse(json);
        return node is null ? json : Rewrite(node)?.ToJsonString(Relaxed) ?? "null";
    }

    /// <summary>Progress is JSON, bar an earlier release's <c>thread:</c> text.</summary>
    private string JsonOrText(string value)
    {
        try
        {
            return Json(value);
        }
        catch (JsonException)
        {
            return Text(value);
        }
    }

    private JsonNode? Rewrite(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(Text(p.Key), Rewrite(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Rewrite)]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(Text(value.GetValue<string>())),
        _ => node?.DeepClone(),
    };
}
