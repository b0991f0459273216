using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;

namespace NetworkBot.Storage.Serialization;

/// <summary>Reads and writes the JSON text columns through <see cref="StorageJsonContext"/>.</summary>
internal static class StoredJson
{
    /// <summary>
    /// The generated options plus an encoder that leaves Japanese (and other non-ASCII) text readable in
    /// the database instead of <c>\uXXXX</c> escapes; this JSON is never embedded in HTML.
    /// </summary>
    private static readonly StorageJsonContext Context = new(new JsonSerializerOptions(StorageJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Write(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, Context.IReadOnlyListString);

    public static string Write(IReadOnlyList<MemberId> values) => JsonSerializer.Serialize(values, Context.IReadOnlyListMemberId);

    public static string Write(Reply reply) => JsonSerializer.Serialize(StoredReply.From(reply), Context.StoredReply);

    public static string Write(MessageTarget target) => JsonSerializer.Serialize(target, Context.MessageTarget);

    public static IReadOnlyList<string> ReadStrings(string json) => Read(json, Context.IReadOnlyListString);

    public static IReadOnlyList<MemberId> ReadMemberIds(string json) => Read(json, Context.IReadOnlyListMemberId);

    public static Reply ReadReply(string json) => Read(json, Context.StoredReply).ToReply();

    public static MessageTarget ReadTarget(string json) => Read(json, Context.MessageTarget);

    private static T Read<T>(string json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new JsonException($"Stored JSON for {typeof(T).Name} is null.");
}
