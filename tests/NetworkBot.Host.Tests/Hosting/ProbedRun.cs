using System.Globalization;
using System.Net;
using System.Text.Json;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Hosting;

/// <summary>
/// The real <c>networkbot run</c> of one test, in-process with its listener on a free loopback port, and a probe of
/// its <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> that waits for what they say to change by asking again
/// (never for a fixed time) until the test's two-minute guard gives up. Disposing stops the run.
/// </summary>
public sealed class ProbedRun : IAsyncDisposable
{
    private readonly CancellationTokenSource guardSource = new(TimeSpan.FromMinutes(2));
    private readonly CancellationTokenSource stop = new();
    private readonly HttpClient http;
    private Task<(int Exit, string Out, string Error)>? run;

    public ProbedRun()
    {
        var port = LoopbackServer.FreePort();
        Cli.Settings["Urls"] = $"http://127.0.0.1:{port}";
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>Runs the verbs on the test's database; set <see cref="CliRunner.Settings"/> before <see cref="Start"/>.</summary>
    public CliRunner Cli { get; } = new();

    public CancellationToken Guard => guardSource.Token;

    public void Start() => run = Cli.RunAsync(string.Empty, stop.Token, "run");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (run is not null)
        {
            await run.WaitAsync(Guard);
        }

        http.Dispose();
        Cli.Dispose();
        stop.Dispose();
        guardSource.Dispose();
    }

    /// <summary>GETs <paramref name="path"/>, trying again while the host is still starting to listen.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(path, Guard);
                return (response.StatusCode, await response.Content.ReadAsStringAsync(Guard));
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                Assert.False(run?.IsCompleted ?? true, "networkbot run ended before it listened");
                await Task.Yield();
            }
        }
    }

    /// <summary>The first <c>/readyz</c> body answered with <paramref name="status"/> of which <paramref name="holds"/> holds.</summary>
    public async Task<JsonElement> ReadyzWhenAsync(HttpStatusCode status, Func<JsonElement, bool>? holds = null)
    {
        while (true)
        {
            var (answered, body) = await GetAsync("/readyz");
            var json = JsonDocument.Parse(body).RootElement;
            if (answered == status && (holds is null || holds(json)))
            {
                return json;
            }

            await Task.Yield();
        }
    }

    /// <summary>The first <c>/metrics</c> text of which <paramref name="holds"/> holds.</summary>
    public async Task<string> MetricsWhenAsync(Func<string, bool> holds)
    {
        while (true)
        {
            var (status, text) = await GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, status);
            if (holds(text))
            {
                return text;
            }

            await Task.Yield();
        }
    }

    /// <summary>The check named <paramref name="name"/> in a <c>/readyz</c> body.</summary>
    public static JsonElement Check(JsonElement readyz, string name) =>
        readyz.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static string StatusOf(JsonElement readyz, string check) => Check(readyz, check).GetProperty("status").GetString()!;

    public static string DetailOf(JsonElement readyz, string check) => Check(readyz, check).GetProperty("detail").GetString()!;

    /// <summary>The sum of the Prometheus samples of <paramref name="name"/> that carry every one of <paramref name="labels"/>.</summary>
    public static double Sum(string metrics, string name, params (string Label, string Value)[] labels) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(l => line.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
