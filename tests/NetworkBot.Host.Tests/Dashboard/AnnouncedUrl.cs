using System.Text;
using System.Text.RegularExpressions;

namespace NetworkBot.Host.Tests.Dashboard;

/// <summary>
/// The standard output of <c>networkbot dashboard</c>: keeps what is written and completes <see cref="Url"/> with the
/// address it prints once it listens (<c>Dashboard: http://127.0.0.1:port/dashboard</c>), the port 0 became.
/// </summary>
internal sealed partial class AnnouncedUrl : StringWriter
{
    private readonly TaskCompletionSource<Uri> url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Uri> Url => url.Task;

    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (Announcement().Match(value ?? string.Empty) is { Success: true } match)
        {
            url.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^Dashboard: (http://\S+/dashboard) ")]
    private static partial Regex Announcement();
}
