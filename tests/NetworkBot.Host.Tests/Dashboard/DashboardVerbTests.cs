using System.Net;
using NetworkBot.Host.Cli;
using NetworkBot.Host.Shell;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Host.Tests.Dashboard;

/// <summary><c>networkbot dashboard</c>: the stored communities on loopback without sign-in, and what it refuses.</summary>
public sealed class DashboardVerbTests
{
    [Fact]
    public async Task Demo_then_dashboard_shows_the_demo_community_without_signing_in()
    {
        using var cli = new CliRunner();
        var demo = await cli.RunAsync(string.Empty, "demo");
        Assert.True(demo.Exit == 0, demo.Error);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var output = new AnnouncedUrl();
        var dashboard = StartAsync(cli, output, stop.Token, "--urls", "http://127.0.0.1:0");
        var url = await Task.WhenAny(output.Url, dashboard) == output.Url ? await output.Url : throw new Xunit.Sdk.XunitException($"dashboard ended: {await dashboard}");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var list = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Found, list.StatusCode);
        Assert.Equal("/dashboard/shell%3Ademo", list.Headers.Location?.AbsolutePath);
        using var overview = await browser.GetAsync(list.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("<h1>Tokyo Cross-Industry Network</h1>", await overview.Content.ReadAsStringAsync());

        await stop.CancelAsync();
        Assert.Equal(0, await dashboard);
    }

    [Fact]
    public async Task An_empty_database_shows_how_to_load_the_demo()
    {
        using var cli = new CliRunner();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var output = new AnnouncedUrl();
        var dashboard = StartAsync(cli, output, stop.Token, "--urls", "http://127.0.0.1:0");
        var url = await Task.WhenAny(output.Url, dashboard) == output.Url ? await output.Url : throw new Xunit.Sdk.XunitException($"dashboard ended: {await dashboard}");
        using var browser = new HttpClient();

        var page = await browser.GetStringAsync(url);

        Assert.Contains("networkbot demo", page);
        await stop.CancelAsync();
        Assert.Equal(0, await dashboard);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://127.0.0.1:8080;http://192.168.1.20:8080")]
    [InlineData("http://bot.example.com:8080")]
    public async Task A_listening_address_beyond_this_machine_is_refused_with_one_line(string urls)
    {
        using var cli = new CliRunner();

        var (exit, output, error) = await cli.RunAsync(string.Empty, "dashboard", "--urls", urls);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"networkbot dashboard: {urls.Split(';')[^1]} is not a loopback address", error, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.DatabasePath));
    }

    [Fact]
    public async Task An_address_already_in_use_is_refused_with_one_line()
    {
        using var cli = new CliRunner();
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://{taken.LocalEndpoint}";

        var (exit, _, error) = await cli.RunAsync(string.Empty, "dashboard", "--urls", url);

        Assert.Equal(2, exit);
        Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"networkbot dashboard: cannot listen on {url}: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorageOptions.SqliteProvider)]
    [InlineData(StorageOptions.LiteDbProvider)]
    public async Task A_database_run_holds_is_refused_pointing_at_runs_own_dashboard(string provider)
    {
        using var cli = new CliRunner(provider);
        Assert.True(DatabaseLock.TryAcquire(cli.Storage, "run", TimeProvider.System, out var held, out _));
        using (held)
        {
            var (exit, output, error) = await cli.RunAsync(string.Empty, "dashboard", "--urls", "http://127.0.0.1:0");

            Assert.Equal(DatabaseLock.InUseExitCode, exit);
            Assert.Equal("", output);
            Assert.StartsWith($"networkbot dashboard: the database {cli.DatabasePath} is in use by another NetworkBot process", error, StringComparison.Ordinal);
            Assert.Contains("'networkbot run', it serves /dashboard itself", error);
        }
    }

    private static Task<int> StartAsync(CliRunner cli, AnnouncedUrl output, CancellationToken ct, params string[] args)
    {
        var settings = new Dictionary<string, string?>(cli.Settings) { ["Storage:ConnectionString"] = cli.ConnectionString };
        var console = new ShellConsole(TextReader.Null, output, TextWriter.Null, IsInteractive: false);
        return new NetworkBotCli(console, settings, null).InvokeAsync(["dashboard", .. args], ct);
    }
}
