using System.Globalization;
using System.Text;

namespace NetworkBot.Bench.Reporting;

/// <summary>
/// What one subcommand measured: its tables and notes, and every target with whether it held. Printed, written to
/// bench/results/&lt;name&gt;.md, and turned into the exit code, so a missed target cannot pass unnoticed.
/// </summary>
internal sealed class BenchReport(string name)
{
    private readonly StringBuilder body = new();
    private readonly List<(string Target, string Measured, bool Held)> targets = [];

    public void Section(string title, string content) => body.AppendLine($"### {title}").AppendLine().AppendLine(content.TrimEnd()).AppendLine();

    public void Note(string line) => body.AppendLine(line).AppendLine();

    public void Target(string target, string measured, bool held) => targets.Add((target, measured, held));

    /// <summary>Prints and saves the report; returns 0 when every target held, 1 otherwise.</summary>
    public int Finish()
    {
        var text = new StringBuilder().Append(body);
        if (targets.Count > 0)
        {
            var table = new MarkdownTable("target", "measured", "holds");
            foreach (var (target, measured, held) in targets)
            {
                table.Add(target, measured, held ? "yes" : "**no**");
            }

            text.AppendLine("### Targets").AppendLine().Append(table).AppendLine();
        }

        var output = text.ToString();
        Console.Write(output);
        var path = Path.Combine(RepoPaths.Results, $"{name}.md");
        Directory.CreateDirectory(RepoPaths.Results);
        File.WriteAllText(path, output);
        var missed = targets.Count(target => !target.Held);
        Console.WriteLine(missed == 0
            ? $"{name}: all {targets.Count} target(s) hold; table written to {path}"
            : $"{name}: {missed} of {targets.Count} target(s) missed; table written to {path}");
        return missed == 0 ? 0 : 1;
    }

    public static string Share(double value) => value.ToString("0.00%", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);
}
