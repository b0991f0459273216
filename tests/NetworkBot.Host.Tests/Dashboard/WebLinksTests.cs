using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Core.Web;
using NetworkBot.Host.Hosting;
using NetworkBot.Host.Shell;

namespace NetworkBot.Host.Tests.Dashboard;

/// <summary>The links the bot gives (sign-in, calendar feed) as configured: <c>Web:PublicBaseUrl</c>, else the listening address.</summary>
public sealed class WebLinksTests
{
    [Theory]
    [InlineData("https://bot.example.com", null, "https://bot.example.com/dashboard/sign-in?token=t")]
    [InlineData("https://bot.example.com/", "http://0.0.0.0:8080", "https://bot.example.com/dashboard/sign-in?token=t")]
    [InlineData(null, "http://0.0.0.0:8080", "http://localhost:8080/dashboard/sign-in?token=t")]
    [InlineData(null, "http://*:9000;http://127.0.0.1:9001", "http://localhost:9000/dashboard/sign-in?token=t")]
    [InlineData(null, "http://[::]:8080", "http://localhost:8080/dashboard/sign-in?token=t")]
    [InlineData(null, "http://192.168.1.20:8080", "http://192.168.1.20:8080/dashboard/sign-in?token=t")]
    [InlineData(null, null, "http://127.0.0.1:8080/dashboard/sign-in?token=t")]
    public void A_link_is_the_path_on_the_public_base_url_else_on_where_the_host_listens(string? publicBaseUrl, string? urls, string expected)
    {
        var (host, problems) = NetworkBotHost.BuildForVerb(Console(), new Dictionary<string, string?> { ["Web:PublicBaseUrl"] = publicBaseUrl, ["Urls"] = urls });
        Assert.Empty(problems);
        using (host)
        {
            Assert.Equal(expected, host!.Services.GetRequiredService<WebLinks>().To("/dashboard/sign-in?token=t"));
        }
    }

    [Theory]
    [InlineData("bot.example.com")]
    [InlineData("ftp://bot.example.com")]
    [InlineData("/dashboard")]
    public void A_public_base_url_that_is_no_absolute_http_url_is_a_configuration_problem(string publicBaseUrl)
    {
        var (host, problems) = NetworkBotHost.BuildForVerb(Console(), new Dictionary<string, string?> { ["Web:PublicBaseUrl"] = publicBaseUrl });

        Assert.Null(host);
        Assert.Contains("Web:PublicBaseUrl must be an absolute http or https URL such as https://bot.example.com.", problems);
    }

    private static ShellConsole Console() => new(TextReader.Null, TextWriter.Null, TextWriter.Null, IsInteractive: false);
}
