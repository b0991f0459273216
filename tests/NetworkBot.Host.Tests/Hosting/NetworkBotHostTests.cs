using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkBot.Host.Hosting;
using NetworkBot.Host.Shell;

namespace NetworkBot.Host.Tests.Hosting;

public sealed class NetworkBotHostTests
{
    [Fact]
    public void A_one_shot_verb_holds_no_hosted_service_even_with_both_platforms_configured()
    {
        var console = new ShellConsole(new StringReader(string.Empty), new StringWriter(), new StringWriter(), IsInteractive: false);
        var (host, problems) = NetworkBotHost.BuildForVerb(console, new Dictionary<string, string?>
        {
            ["Discord:Token"] = "abc.def",
            ["Slack:BotToken"] = "xoxb-1-2",
        });

        Assert.Empty(problems);
        using (host)
        {
            Assert.Empty(host!.Services.GetServices<IHostedService>());
        }
    }
}
