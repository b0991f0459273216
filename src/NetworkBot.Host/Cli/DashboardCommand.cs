using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Storage;
using NetworkBot.Host.Dashboard;
using NetworkBot.Host.Hosting;
using NetworkBot.Host.Shell;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Host.Cli;

/// <summary>
/// <c>networkbot dashboard</c>: the managers' dashboard over the configured store, with no chat platform and no sign-in
/// ("local mode": every stored community is visible), so it listens on loopback only. Whoever reaches a loopback
/// address already holds the machine and the database file; anything wider needs <c>networkbot run</c> and its
/// sign-in links. Exit codes: 0 stopped when asked, 2 bad configuration, a non-loopback address or one already in use, 5 another process
/// holds the embedded database (<see cref="DatabaseLock.InUseExitCode"/>).
/// </summary>
internal static class DashboardCommand
{
    public static async Task<int> RunAsync(ShellConsole console, IReadOnlyDictionary<string, string?> overrides, string? urls, TimeProvider? clock, CancellationToken ct)
    {
        var builder = NetworkBotHost.CreateWebBuilder(clock);
        NetworkBotHost.Configure(builder, console, overrides, LogLevel.Warning);
        urls ??= builder.Configuration["Urls"] ?? WebOptions.DefaultUrl;
        if (urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(url => !IsLoopback(url)) is { } wide)
        {
            await console.Error.WriteLineAsync(
                $"networkbot dashboard: {wide} is not a loopback address; without sign-in the dashboard listens only on 127.0.0.1, [::1] or localhost (to serve it to others, use 'networkbot run' and /admin dashboard).").ConfigureAwait(false);
            return 2;
        }

        builder.WebHost.UseUrls(urls);
        builder.AddNetworkBotDashboard(local: true);
        await using var app = builder.Build();
        var problems = NetworkBotHost.ConfigurationProblems(app.Services);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync($"networkbot: configuration: {problem}").ConfigureAwait(false);
            }

            return 2;
        }

        using var database = await DatabaseGate.EnterAsync(app.Services, "dashboard", console, RunHoldsDatabase).ConfigureAwait(false);
        if (database is null)
        {
            return DatabaseLock.InUseExitCode;
        }

        await app.Services.GetRequiredService<IStoreMigrator>().MigrateAsync(ct).ConfigureAwait(false);
        app.MapDashboard();
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            await console.Error.WriteLineAsync($"networkbot dashboard: cannot listen on {urls}: {exception.Message} (choose another port with --urls).").ConfigureAwait(false);
            return 2;
        }

        foreach (var address in app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses)
        {
            await console.Out.WriteLineAsync($"Dashboard: {address.TrimEnd('/')}{DashboardHosting.BasePath} (Ctrl+C stops it)").ConfigureAwait(false);
        }

        try
        {
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>A listening URL whose host is a loopback address or <c>localhost</c>; <c>*</c>, <c>+</c>, <c>0.0.0.0</c> and names are not.</summary>
    internal static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));

    /// <summary>The embedded database is <c>run</c>'s (or another verb's) while it holds it; <c>run</c> serves the dashboard itself.</summary>
    private static string RunHoldsDatabase(StorageOptions storage, DatabaseLockHolder? holder) =>
        $"networkbot dashboard: {DatabaseLock.InUse(storage, holder)}; when that is 'networkbot run', it serves /dashboard itself (sign in with /admin dashboard), else stop it first.";
}
