using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Host.Hosting;

namespace NetworkBot.Host.Tests;

public sealed class AskGlossaryFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ask-glossary-").FullName;

    [Fact]
    public void The_shipped_glossary_parses_with_at_least_sixty_groups()
    {
        var glossary = AskGlossaryFile.Load(AskGlossaryFile.DefaultPath);

        Assert.True(glossary.Count >= 60, $"only {glossary.Count} groups");
        Assert.Contains("fundraising", glossary.Expand("資金調達の相談"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_means_no_glossary() =>
        Assert.Equal(0, AskGlossaryFile.Load(Path.Combine(directory, "no-such-glossary.json")).Count);

    [Theory]
    [InlineData("{\"groups\": [[\"資金調達\", \"fundraising\"],", "is not a valid ask glossary")]
    [InlineData("{\"words\": []}", "has no \"groups\" list")]
    [InlineData("{\"groups\": [[\"資金調達\", \"fundraising\"], [\"cloud\"]]}", "group 2 must list at least two words")]
    [InlineData("{\"groups\": [[\"cloud\", \" \"]]}", "group 1 must list at least two words")]
    public void A_malformed_file_stops_the_start_with_one_line_naming_the_file(string json, string fault)
    {
        var path = Path.Combine(directory, "ask-glossary.json");
        File.WriteAllText(path, json);

        var problem = Assert.Throws<InvalidDataException>(() => AskGlossaryFile.Load(path)).Message;

        Assert.StartsWith(path, problem, StringComparison.Ordinal);
        Assert.Contains(fault, problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void The_start_reports_a_malformed_glossary_as_its_one_problem()
    {
        var path = Path.Combine(directory, "ask-glossary.json");
        File.WriteAllText(path, "{\"groups\": [[\"cloud\"]]}");
        using var services = new ServiceCollection().AddSingleton(_ => AskGlossaryFile.Load(path)).BuildServiceProvider();

        var problem = Assert.Single(NetworkBotHost.ConfigurationProblems(services));

        Assert.StartsWith(path, problem, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
