using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetworkBot.Host.Cli;
using NetworkBot.Storage;

namespace NetworkBot.Host.Tests;

public sealed partial class VerbTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Pair_reads_the_contract_and_writes_groups()
    {
        const string input = """
            {"groupSize": 2, "seed": 12345, "mode": "cross-industry", "cooldownRounds": 12,
             "members": [{"id": "u1", "industry": "finance", "blocked": ["u2"]}, {"id": "u2", "industry": "finance"},
                         {"id": "u3", "industry": "media"}, {"id": "u4", "industry": "health"}, {"id": "u5"}],
             "history": [{"groups": [["u1", "u3"]]}]}
            """;

        var (exit, output, error) = await cli.RunAsync(input, "pair");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var groups = json.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.EnumerateArray().Select(m => m.GetString()!).ToList()).ToList();
        Assert.Equal(["u1", "u2", "u3", "u4", "u5"], groups.SelectMany(g => g).Order());
        Assert.Equal([2, 3], groups.Select(g => g.Count).Order());
        Assert.DoesNotContain(groups, g => g.Contains("u1") && g.Contains("u2"));
        Assert.Equal(12345, json.RootElement.GetProperty("seed").GetInt64());
        Assert.Equal(output, (await cli.RunAsync(input, "pair")).Out);
    }

    [Theory]
    [InlineData("{not json", 2)]
    [InlineData("""{"groupSize": 2}""", 2)]
    [InlineData("""{"members": [{"id": "a"}], "groupSize": 2}""", 1)]
    [InlineData("""{"members": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}, {"id": "e"}, {"id": "f"}, {"id": "g"}], "groupSize": 4}""", 1)]
    public async Task Pair_explains_invalid_input_on_stderr_without_a_stack_trace(string input, int expectedExit)
    {
        var (exit, output, error) = await cli.RunAsync(input, "pair");

        Assert.Equal(expectedExit, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("networkbot pair: ", error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData(StorageOptions.SqliteProvider)]
    [InlineData(StorageOptions.LiteDbProvider)]
    public async Task Demo_runs_three_rounds_with_no_repeats_after_the_first_and_one_trio(string provider)
    {
        using var database = new CliRunner(provider);

        var (exit, output, error) = await database.RunAsync(string.Empty, "demo");

        Assert.True(exit == 0, error);
        Assert.Contains($"Fresh database created at {database.DatabasePath}", output);
        var rounds = SummaryLine().Matches(output);
        Assert.Equal(3, rounds.Count);
        foreach (Match round in rounds)
        {
            var members = int.Parse(round.Groups["members"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(members >= 200, round.Value);
            Assert.Equal(members % 2, int.Parse(round.Groups["trios"].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(members / 2, int.Parse(round.Groups["groups"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(3, Regex.Matches(output, @"a week later \(simulated answers\): \d+ of \d+ groups met \(\d+%\), [1-9]\d* new connections").Count);
        Assert.Equal("0", rounds[1].Groups["repeats"].Value);
        Assert.Equal("0", rounds[2].Groups["repeats"].Value);
        Assert.Contains("Delivered", output);
        Assert.Contains("Ask · 河野 隆之: “資金調達の相談に乗ってくれる人”", output);
        Assert.Contains("Ask · Kang Dong-hyun: “someone who knows about hiring engineers in Japan”", output);
        Assert.Equal(2, Regex.Matches(output, @"asked privately: .+ — yes\n  introduced: .+\n  a week later: “did you connect\?” — yes: their connection is recorded").Count);

        var again = await database.RunAsync(string.Empty, "demo");
        Assert.Equal(0, again.Exit);
        Assert.Contains("Reusing database", again.Out);
        Assert.Contains("3 earlier rounds", again.Out);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("shell")]
    public async Task A_LiteDB_file_that_is_not_one_stops_a_verb_with_one_line_and_is_left_as_it_was(string verb)
    {
        using var database = new CliRunner(StorageOptions.LiteDbProvider);
        var text = string.Concat(Enumerable.Repeat("not a database at all\n", 2000));
        await File.WriteAllTextAsync(database.DatabasePath, text);

        var (exit, output, error) = await database.RunAsync("/quit\n", verb);

        Assert.Equal((NetworkBotCli.FatalExitCode, ""), (exit, output));
        Assert.StartsWith($"networkbot: the LiteDB file {database.DatabasePath} cannot be opened, it is not a LiteDB file or it is damaged (", error, StringComparison.Ordinal);
        Assert.EndsWith($"); restore a backup or point Storage:ConnectionString elsewhere.{Environment.NewLine}", error, StringComparison.Ordinal);
        Assert.Equal(text, await File.ReadAllTextAsync(database.DatabasePath));
    }

    [Fact]
    public async Task Run_without_a_platform_names_the_settings_to_provide()
    {
        var (exit, _, error) = await cli.RunAsync(string.Empty, "run");

        Assert.Equal(2, exit);
        Assert.Contains("Discord:Token", error);
        Assert.Contains("Slack:BotToken", error);
    }

    [Fact]
    public async Task Bad_configuration_stops_with_one_line_per_problem()
    {
        cli.Settings["Storage:Provider"] = "oracle";
        cli.Settings["Slack:BotToken"] = "not-a-bot-token";

        var (exit, _, error) = await cli.RunAsync(string.Empty, "run");

        Assert.Equal(2, exit);
        var lines = error.Trim().Split('\n');
        Assert.Contains(lines, l => l.Contains("Storage:Provider", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("xoxb-", StringComparison.Ordinal));
        Assert.DoesNotContain("not-a-bot-token", error);
    }

    [Fact]
    public async Task A_claim_lease_shorter_than_the_delivery_grace_is_refused_with_one_line()
    {
        cli.Settings["Worker:ClaimLease"] = "00:00:05";
        cli.Settings["Worker:DeliveryGrace"] = "00:00:10";

        var (exit, _, error) = await cli.RunAsync(string.Empty, "run");

        Assert.True(exit == 2, error);
        Assert.Contains("Worker:ClaimLease must be longer than Worker:DeliveryGrace", error);
    }

    [Fact]
    public async Task Migrate_creates_the_schema_then_reports_it_up_to_date()
    {
        var first = await cli.RunAsync(string.Empty, "migrate");
        var second = await cli.RunAsync(string.Empty, "migrate");

        Assert.Equal(0, first.Exit);
        Assert.Contains("upgraded from version 0", first.Out);
        Assert.Contains("up to date", second.Out);
    }

    [Fact]
    public async Task A_schema_from_a_newer_build_is_refused_with_one_line_and_a_non_zero_exit()
    {
        await cli.RunAsync(string.Empty, "migrate");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(cli.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01T00:00:00.0000000Z')";
            await command.ExecuteNonQueryAsync();
        }

        foreach (var verb in new[] { "migrate", "shell" })
        {
            var (exit, _, error) = await cli.RunAsync(string.Empty, verb);

            Assert.Equal(NetworkBotCli.FatalExitCode, exit);
            var line = Assert.Single(error.Trim().Split('\n'));
            Assert.Contains("is at version 99, newer than the", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_real_executable_answers_bad_pair_input_with_one_line()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "networkbot.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "pair"]) { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync("[1, 2");
        process.StandardInput.Close();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("networkbot pair: ", error);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public async Task The_real_executable_writes_the_groups_as_one_line_of_utf8_json()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "networkbot.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "pair"])
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync("""{"seed": 5, "members": [{"id": "田中"}, {"id": "b"}, {"id": "c"}, {"id": "d"}]}""");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.EndsWith(Environment.NewLine, output);
        Assert.DoesNotContain('\n', output.TrimEnd());
        var groups = JsonNode.Parse(output)!["groups"]!.AsArray();
        Assert.Equal(["b", "c", "d", "田中"], groups.SelectMany(group => group!.AsArray().Select(id => id!.GetValue<string>())).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"Round \d \([a-z-]+\): (?<members>\d+) members, (?<groups>\d+) groups, (?<trios>\d+) trios?, (?<repeats>\d+) repeat pairs")]
    private static partial Regex SummaryLine();
}
