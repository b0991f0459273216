using NetworkBot.Core.Commands;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Web;

namespace NetworkBot.Core.Admin;

/// <summary>
/// <c>/admin dashboard</c>: a manager's way into the web dashboard without a password. The answer, visible only to the
/// caller, carries a link that signs this manager in to this community once, within <see cref="LinkLifetime"/>; the
/// store keeps only the token's hash. The link's page asks to continue before it uses the token, because chat
/// platforms fetch links for their previews.
/// </summary>
public sealed class DashboardCommands(IDashboardStore dashboardStore, WebLinks links) : ICommandModule
{
    public const string SignInPath = "/dashboard/sign-in";
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);

    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["admin dashboard"] = SignInLinkAsync,
    };

    private async Task<Reply> SignInLinkAsync(CommandContext context, CancellationToken ct)
    {
        var token = DashboardToken.New();
        var expires = context.Now + LinkLifetime;
        await dashboardStore.SaveSignInLinkAsync(
            new DashboardSignInLink(DashboardToken.Hash(token), context.Community.Id, context.Caller.Id, context.Now, expires), ct).ConfigureAwait(false);
        var link = links.To($"{SignInPath}?token={token}");
        return new Reply(context.Text(AdminTexts.DashboardLink, context.Community.Name, TimeToken.Full(expires), link)) { Visibility = Visibility.Private };
    }
}
