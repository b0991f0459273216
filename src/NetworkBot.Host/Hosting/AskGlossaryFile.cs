using System.Text.Json;
using System.Text.Json.Serialization;
using NetworkBot.Core.Introductions;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// Reads <c>config/ask-glossary.json</c>: <c>{"groups": [["資金調達", "fundraising", …], …]}</c>, each group words that mean
/// the same to the community, so managers can add their own field's vocabulary without a release.
/// </summary>
internal sealed record AskGlossaryFile(IReadOnlyList<IReadOnlyList<string>>? Groups)
{
    public static readonly string DefaultPath = Path.Combine(AppContext.BaseDirectory, "config", "ask-glossary.json");

    /// <summary>
    /// The glossary in the file; none when the file is missing, so a bare binary still runs. A file that is not a list of
    /// groups of at least two words throws <see cref="InvalidDataException"/> with one line naming the file and the fault,
    /// which the start reports instead of running with half a glossary.
    /// </summary>
    public static AskGlossary Load(string path)
    {
        if (!File.Exists(path))
        {
            return AskGlossary.None;
        }

        AskGlossaryFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize(stream, GlossaryJsonContext.Default.AskGlossaryFile);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not a valid ask glossary: {exception.Message}", exception);
        }

        var groups = file?.Groups ?? throw new InvalidDataException($"{path} is not a valid ask glossary: it has no \"groups\" list.");
        var bad = groups.Select((group, at) => (Group: group, Number: at + 1))
            .FirstOrDefault(entry => entry.Group is null || entry.Group.Count(word => !string.IsNullOrWhiteSpace(word)) < 2 || entry.Group.Any(string.IsNullOrWhiteSpace));
        return bad.Number == 0
            ? new AskGlossary(groups)
            : throw new InvalidDataException($"{path} is not a valid ask glossary: group {bad.Number} must list at least two words, none of them empty.");
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AskGlossaryFile))]
internal sealed partial class GlossaryJsonContext : JsonSerializerContext;
