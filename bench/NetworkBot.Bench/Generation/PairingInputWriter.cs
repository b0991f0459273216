using System.Text.Json;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Bench.Generation;

/// <summary>Writes a community as the stdin document of <c>networkbot pair</c> (DESIGN.md, "The pairing contract").</summary>
internal static class PairingInputWriter
{
    public static void Write(SyntheticCommunity community, string path)
    {
        var spec = community.Spec;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("groupSize", spec.GroupSize);
            json.WriteNumber("seed", spec.Seed);
            json.WriteString("mode", spec.Mode.ToName());
            json.WriteNumber("cooldownRounds", spec.CooldownRounds);
            json.WriteStartArray("members");
            foreach (var member in community.Members)
            {
                json.WriteStartObject();
                json.WriteString("id", member.Id);
                json.WriteString("industry", member.Industry);
                Strings(json, "interests", member.Interests);
                Strings(json, "offers", member.Offers);
                Strings(json, "seeks", member.Seeks);
                json.WriteString("timezone", member.TimeZone);
                Strings(json, "blocked", member.Blocked);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("history");
            foreach (var round in community.History)
            {
                json.WriteStartObject();
                json.WriteStartArray("groups");
                foreach (var group in round.Groups)
                {
                    Strings(json, null, group.Select(id => id.Value));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            // On disk before anything is timed: the kernel's writeback of 80 MB would otherwise share the CPUs
            // with the first measured run.
            stream.Flush(flushToDisk: true);
        }

        // Written aside and moved, so an interrupted run never leaves a half file that looks cached.
        File.Move(temporary, path, overwrite: true);
    }

    public static PairingMode ParseMode(string name) =>
        PairingModeNames.TryParse(name, out var mode)
            ? mode
            : throw new ArgumentException($"Unknown mode '{name}' ({string.Join(", ", PairingModeNames.All)}).", nameof(name));

    private static void Strings(Utf8JsonWriter json, string? name, IEnumerable<string> items)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }

        foreach (var item in items)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }
}
