using System.Text.Json;
using NetworkBot.Bench.Reporting;
using NetworkBot.Core.Domain;
using NetworkBot.Host.Demo;

namespace NetworkBot.Bench.Asks;

/// <summary>The demo community's members and the labelled requests written for them, checked against each other on load.</summary>
internal sealed record AskLabelSet(IReadOnlyList<Member> Members, IReadOnlyList<AskLabel> Labels)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The 120 requests the matcher's weights and readings were chosen on.</summary>
    public static string DevelopmentPath => Path.Combine(RepoPaths.Root, "bench", "labels", "ask-labels.json");

    /// <summary>Requests written and committed before the glossary, measured once with it, then development data for the second round of changes.</summary>
    public static string HeldOutPath => Path.Combine(RepoPaths.Root, "bench", "labels", "ask-labels-heldout.json");

    /// <summary>
    /// Requests written blind — by someone who saw only the demo community, never the other sets, the glossary or a miss — and committed before
    /// the second round of glossary and analysis changes; measured with them, its misses then showed a fault (katakana characters), so it too is
    /// development data now.
    /// </summary>
    public static string TestPath => Path.Combine(RepoPaths.Root, "bench", "labels", "ask-labels-test.json");

    /// <summary>
    /// Requests written blind by a second writer, committed before the katakana fix and measured once after it (82.3 %); its misses were then
    /// read for the glossary's situation words, so it too is development data now.
    /// </summary>
    public static string FinalPath => Path.Combine(RepoPaths.Root, "bench", "labels", "ask-labels-final.json");

    /// <summary>
    /// Requests written blind by a third writer, committed before the glossary's situation words and measured once after them: the honest figure.
    /// </summary>
    public static string BlindPath => Path.Combine(RepoPaths.Root, "bench", "labels", "ask-labels-blind.json");

    /// <summary>
    /// Loads the community and the labels at <paramref name="labelsPath"/>, and fails when a label's members are not exactly the demo members offering one of its offers, so the set
    /// cannot drift from the community it was written for.
    /// </summary>
    public static AskLabelSet Load(string labelsPath)
    {
        var demo = DemoCommunityFile.LoadAsync(Path.Combine(RepoPaths.Root, "config", "demo-community.json"), CancellationToken.None).GetAwaiter().GetResult();
        var members = demo.ToMembers(DateTimeOffset.UnixEpoch);
        var labels = JsonSerializer.Deserialize<LabelFile>(File.ReadAllText(labelsPath), Json)?.Labels
            ?? throw new InvalidOperationException($"{labelsPath} holds no labels.");
        foreach (var label in labels)
        {
            var offering = members
                .Where(member => member.Profile.Offers.Intersect(label.Offers, StringComparer.Ordinal).Any())
                .Select(member => member.Id.Value)
                .Order(StringComparer.Ordinal);
            if (!offering.SequenceEqual(label.Members.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"The label \"{label.Request}\" lists other members than those offering {string.Join(", ", label.Offers)}.");
            }
        }

        return new AskLabelSet(members, labels);
    }

    private sealed record LabelFile(AskLabel[] Labels);
}
