using System.Text.RegularExpressions;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Storage;
using NetworkBot.Host.Cli;
using NetworkBot.Host.Shell;
using NetworkBot.Host.Tests.Dashboard;
using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// The real <c>networkbot shell</c>, typed into line by line: <c>/as</c> switches who types, <c>/press N</c> presses
/// a button of what that member got last, and <c>/wait 0m</c> runs what the moved clock made due. Everything the
/// bot delivers is printed as <c>── message to DM x ──</c>, <c>group x, y</c> or <c>#channel</c>, and read from there.
/// </summary>
public sealed partial class ShellSurface : IJourneySurface
{
    private readonly LineFeed input = new();
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();
    private readonly List<(Seen Message, IReadOnlyList<string> Readers)> delivered = [];
    private readonly Dictionary<string, int> readUpTo = new(StringComparer.Ordinal);
    private JourneyStore? store;
    private DashboardSite? web;
    private Task<int>? session;
    private string typing = string.Empty;

    /// <summary>The bot's database, a temporary file of <see cref="Provider"/>'s kind (the verbs' runner names it).</summary>
    private CliRunner Database => field ??= new CliRunner(Provider);

    public CommunityId Community { get; } = CommunityId.For(ShellPlatform.Name, "journey");

    public JourneyClock Clock { get; } = new();

    public string Provider { get; init; } = StorageOptions.SqliteProvider;

    public IStore Store => store?.Store ?? throw new InvalidOperationException("Start the surface first.");

    public string ConnectionString => Database.ConnectionString;

    public async Task StartAsync(string manager, CancellationToken ct)
    {
        var console = new ShellConsole(input, output, errors, IsInteractive: false);
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = Provider, ["Storage:ConnectionString"] = Database.ConnectionString };
        session = new NetworkBotCli(console, settings, Clock).InvokeAsync(["shell", "--community", Community.ExternalId, "--as", manager], ct);
        await input.Waiting.WaitAsync(ct);
        typing = manager;
        store = new JourneyStore(Database.ConnectionString, Provider);
    }

    public MemberId Id(string member) => new(member.ToLowerInvariant());

    public string Mention(string member) => member;

    public string Channel(string name) => name;

    public (bool Role, bool Channel) InterestSpace => (false, false);

    public bool AnswersPrivately => false;

    public bool FilesInDirectMessages => false;

    /// <summary>The shell's <c>/leave NAME</c>, typed by whoever types now.</summary>
    public async Task LeaveAsync(string member, CancellationToken ct) =>
        Assert.Contains("left the community", (await TypeAsync($"/leave {member}", ct)).Text, StringComparison.Ordinal);

    public async Task<Uri> FollowAsync(Uri link, CancellationToken ct)
    {
        web ??= await DashboardSite.StartAsync(Database.ConnectionString, Clock, provider: Provider);
        return new Uri(web.Address, link.PathAndQuery);
    }

    public Task SpaceChangedAsync(string member, Interest interest, bool joined, CancellationToken ct) => Task.CompletedTask;

    public Task<Seen?> HomeAsync(string member, CancellationToken ct) => Task.FromResult<Seen?>(null);

    public async Task<Seen> RunAsync(string member, string line, CancellationToken ct)
    {
        await TypeAsAsync(member, ct);
        return await TypeAsync(line, ct);
    }

    public async Task<Seen> SubmitAsync(string member, Seen form, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        Assert.True(form.IsForm, $"Not a form: {form}");
        var options = string.Join(' ', values.Select(v => $"{v.Key}:\"{v.Value}\""));
        return await RunAsync(member, $"/{form.Source} {options}", ct);
    }

    public async Task<Seen> PressAsync(string member, Seen seen, string button, CancellationToken ct)
    {
        var index = seen.Buttons.ToList().IndexOf(button);
        Assert.True(index >= 0, $"No button “{button}” on {seen}");
        await TypeAsAsync(member, ct);
        var message = (string)seen.Source;
        return await TypeAsync(message.Length == 0 ? $"/press {index + 1}" : $"/press #{message} {index + 1}", ct);
    }

    public async Task<Seen> NextAsync(string member, Func<Seen, bool> match, CancellationToken ct)
    {
        // The shell delivers after every line, so whatever is due has been printed already.
        var seen = Find(member, match);
        return seen ?? throw new Xunit.Sdk.XunitException($"No message to {member} matched. The shell printed:\n{output}");
    }

    /// <summary>Moves the clock to a minute before, and lets the shell's <c>/wait 1m</c> take the last minute and run what is due.</summary>
    public async Task AdvanceAsync(TimeSpan by, CancellationToken ct)
    {
        Clock.Advance(by - TimeSpan.FromMinutes(1));
        await TypeAsync("/wait 1m", ct);
    }

    private Seen? Find(string member, Func<Seen, bool> match)
    {
        var id = Id(member).Value;
        var start = readUpTo.GetValueOrDefault(id);
        for (var i = start; i < delivered.Count; i++)
        {
            if (delivered[i].Readers.Contains(id) || delivered[i].Readers.Count == 0)
            {
                if (match(delivered[i].Message))
                {
                    readUpTo[id] = i + 1;
                    return delivered[i].Message;
                }
            }
        }

        return null;
    }

    private async Task TypeAsAsync(string member, CancellationToken ct)
    {
        if (typing != member)
        {
            await TypeAsync($"/as {member}", ct);
            typing = member;
        }
    }

    /// <summary>Types one line and reads what it printed: the answer, then each message delivered meanwhile.</summary>
    private async Task<Seen> TypeAsync(string line, CancellationToken ct)
    {
        var before = output.ToString().Length;
        input.Send(line);
        await input.Waiting.WaitAsync(ct);
        var printed = output.ToString()[before..].Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.True(errors.ToString().Length == 0, $"The shell wrote errors: {errors}");

        // The echo of the line comes first; the answer runs up to the first delivered message.
        var answer = new List<string>();
        var i = 1;
        for (; i < printed.Count && !MessageHeader().IsMatch(printed[i]); i++)
        {
            answer.Add(printed[i]);
        }

        while (i < printed.Count)
        {
            var header = MessageHeader().Match(printed[i]);
            var body = new List<string>();
            for (i++; i < printed.Count && printed[i] != "──"; i++)
            {
                body.Add(printed[i]);
            }

            i++;
            var (where, readers) = Addressee(header.Groups["to"].Value);
            delivered.Add((Read(where, body, header.Groups["number"].Value), readers));
        }

        return Read(Place.Answer, answer, number: null);
    }

    private static (Place Where, IReadOnlyList<string> Readers) Addressee(string to) =>
        to.StartsWith("DM ", StringComparison.Ordinal) ? (Place.Direct, [to[3..]])
        : to.StartsWith("group ", StringComparison.Ordinal) ? (Place.Group, to[6..].Split(", "))
        : (Place.Channel, []);

    /// <summary>
    /// What was printed; a delivered message keeps its number, so its buttons are pressed on it (<c>/press #M N</c>). A file
    /// comes last, after its <c>📎 name (type):</c> line, and is read as printed.
    /// </summary>
    private static Seen Read(Place where, List<string> printed, string? number)
    {
        var attached = printed.FindIndex(l => Attachment().IsMatch(l));
        var lines = attached < 0 ? printed : printed[..attached];
        var file = attached < 0 ? null : new SeenFile(Attachment().Match(printed[attached]).Groups["name"].Value, string.Join('\n', printed[(attached + 1)..]).TrimEnd());
        var text = string.Join('\n', printed).Trim();
        var buttons = lines.Select(l => Button().Match(l)).Where(m => m.Success).Select(m => m.Groups["label"].Value).ToList();
        var submit = lines.Select(l => Submit().Match(l)).FirstOrDefault(m => m.Success);
        if (submit is null)
        {
            return new Seen(where, text, buttons, number ?? string.Empty) { IsError = text.StartsWith('✖'), File = file };
        }

        var fields = lines.Select(l => FormField().Match(l)).Where(m => m.Success).Select(m => m.Groups["option"].Value).ToList();
        return new Seen(where, text, buttons, submit.Groups["path"].Value.Trim()) { FormFields = fields };
    }

    public async ValueTask DisposeAsync()
    {
        input.End();
        if (session is not null)
        {
            await session;
        }

        if (web is not null)
        {
            await web.DisposeAsync();
        }

        store?.Dispose();
        Database.Dispose();
        output.Dispose();
        errors.Dispose();
        input.Dispose();
    }

    [GeneratedRegex(@"^── message #(?<number>\d+) to (?<to>.+) ──$")]
    private static partial Regex MessageHeader();

    [GeneratedRegex(@"^  📎 (?<name>.+) \([^()]+\):$")]
    private static partial Regex Attachment();

    [GeneratedRegex(@"^\s+\[\d+\] (?<label>.+)$")]
    private static partial Regex Button();

    [GeneratedRegex(@"^\s+→ /(?<path>[a-z\- ]+?)(\s+\w[\w-]*:.*)?$")]
    private static partial Regex Submit();

    [GeneratedRegex(@"^\s+.+ \((?<option>[a-z][a-z0-9-]*)\): ")]
    private static partial Regex FormField();
}
