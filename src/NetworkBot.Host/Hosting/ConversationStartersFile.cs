using System.Text.Json;
using System.Text.Json.Serialization;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Texts;

namespace NetworkBot.Host.Hosting;

/// <summary>Reads <c>config/conversation-starters.json</c> (general, crossIndustry, byInterest; each entry en + ja).</summary>
internal sealed record ConversationStartersFile(
    IReadOnlyList<LocalizedText> General,
    IReadOnlyList<LocalizedText> CrossIndustry,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>> ByInterest)
{
    public static readonly string DefaultPath = Path.Combine(AppContext.BaseDirectory, "config", "conversation-starters.json");

    /// <summary>The starters in the file; none when the file is missing, so a bare binary still runs.</summary>
    public static ConversationStarters Load(string path)
    {
        if (!File.Exists(path))
        {
            return ConversationStarters.None;
        }

        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize(stream, StartersJsonContext.Default.ConversationStartersFile)
            ?? throw new InvalidDataException($"{path} is empty.");
        return new ConversationStarters(file.General, file.CrossIndustry, file.ByInterest);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ConversationStartersFile))]
internal sealed partial class StartersJsonContext : JsonSerializerContext;
