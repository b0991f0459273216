using System.Globalization;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Admin;

/// <summary>
/// <c>/admin setup</c>: the community's language, time zone, channels, managers, retention period and introduction limits.
/// Without options it shows them. A manager taken off the list is signed out of the dashboard at once; one who still
/// manages the community through a role or the platform signs in again.
/// </summary>
public sealed class SetupCommands(ICommunityStore communityStore, IMemberStore memberStore, IDashboardStore dashboardStore) : ICommandModule
{
    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["admin setup"] = SetupAsync,
    };

    private async Task<Reply> SetupAsync(CommandContext context, CancellationToken ct)
    {
        var options = context.Options;
        var settings = context.Community.Settings;
        if (options.Count == 0)
        {
            return await ShowAsync(context, settings, string.Empty, ct).ConfigureAwait(false);
        }

        var managers = settings.Managers.ToList();
        if (options.Get(SetupOptions.AddManager) is { } added && !managers.Contains(added.Id))
        {
            managers.Add(added.Id);
        }

        if (options.Get(SetupOptions.RemoveManager) is { } removed)
        {
            if (managers.Count == 1 && managers[0] == removed.Id && settings.ManagerRole is null && options.Get(SetupOptions.ManagerRole) is null)
            {
                return Reply.Error(context.Text(AdminTexts.SetupLastManager, removed.DisplayName));
            }

            managers.Remove(removed.Id);
        }

        // A community set up by a platform admin names nobody yet, and round summaries and notices for managers
        // would reach no one: whoever sets it up is its first named manager.
        var firstManager = managers.Count == 0 && options.Get(SetupOptions.RemoveManager) is null;
        if (firstManager)
        {
            managers.Add(context.Caller.Id);
        }

        settings = settings with
        {
            Language = options.Get(SetupOptions.Language) ?? settings.Language,
            TimeZone = options.Get(SetupOptions.TimeZone) ?? settings.TimeZone,
            IntroChannel = options.Has(SetupOptions.IntroChannel) ? options.Get(SetupOptions.IntroChannel) : settings.IntroChannel,
            CoffeeChannel = options.Has(SetupOptions.CoffeeChannel) ? options.Get(SetupOptions.CoffeeChannel) : settings.CoffeeChannel,
            AnnouncementChannel = options.Has(SetupOptions.AnnouncementChannel) ? options.Get(SetupOptions.AnnouncementChannel) : settings.AnnouncementChannel,
            ManagerRole = options.Has(SetupOptions.ManagerRole) ? options.Get(SetupOptions.ManagerRole) : settings.ManagerRole,
            Managers = managers,
            RetentionDays = options.Get(SetupOptions.RetentionDays) is { } days ? (int)days : settings.RetentionDays,
            IntroRequestsPerWeek = options.Get(SetupOptions.IntroRequestsPerWeek) is { } perWeek ? (int)perWeek : settings.IntroRequestsPerWeek,
            OpenAsksPerMember = options.Get(SetupOptions.OpenAsks) is { } openAsks ? (int)openAsks : settings.OpenAsksPerMember,
        };
        await communityStore.SaveCommunityAsync(context.Community with { Settings = settings }, ct).ConfigureAwait(false);
        if (options.Get(SetupOptions.RemoveManager) is { } signedOut && context.Community.Settings.Managers.Contains(signedOut.Id))
        {
            await SignOutAsync(context.Community.Id, signedOut.Id, context.Now, ct).ConfigureAwait(false);
        }

        var language = context.Caller.Profile.Language ?? context.Request.Locale ?? settings.Language;
        var saved = AdminTexts.SetupSaved.Get(language) + (firstManager ? " " + AdminTexts.SetupFirstManager.Get(language) : string.Empty);
        return await ShowAsync(context with { Language = language }, settings, saved, ct).ConfigureAwait(false);
    }

    private async Task SignOutAsync(CommunityId community, MemberId manager, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var session in await dashboardStore.ListSessionsAsync(community, now, ct).ConfigureAwait(false))
        {
            if (session.Manager == manager)
            {
                await dashboardStore.RevokeSessionAsync(community, session.Handle, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<Reply> ShowAsync(CommandContext context, CommunitySettings settings, string text, CancellationToken ct)
    {
        var members = await memberStore.ListMembersAsync(context.Community.Id, ct).ConfigureAwait(false);
        var names = members.ToDictionary(m => m.Id, m => m.DisplayName);
        var notSet = context.Text(AdminTexts.SetupNotSet);
        string Channel(string? value) => value is null ? notSet : "#" + value;
        return new Reply(text)
        {
            Title = context.Text(AdminTexts.SetupTitle),
            Fields =
            [
                new(context.Text(IntroTexts.FieldLanguage), settings.Language.ToCode(), Inline: true),
                new(context.Text(Messages.FieldTimeZone), settings.TimeZone, Inline: true),
                new(context.Text(AdminTexts.SetupIntroChannel), Channel(settings.IntroChannel)),
                new(context.Text(AdminTexts.SetupCoffeeChannel), Channel(settings.CoffeeChannel)),
                new(context.Text(AdminTexts.SetupAnnouncementChannel), Channel(settings.AnnouncementChannel)),
                new(context.Text(AdminTexts.SetupManagerRole), settings.ManagerRole ?? notSet),
                new(context.Text(AdminTexts.SetupManagers), settings.Managers.Count == 0 ? notSet : string.Join(", ", settings.Managers.Select(id => names.GetValueOrDefault(id, id.Value)))),
                new(context.Text(PrivacyTexts.SetupRetention), context.Text(PrivacyTexts.SetupRetentionDays, settings.RetentionDays), Inline: true),
                new(context.Text(AskTexts.SetupIntroRequests), context.Text(AskTexts.SetupIntroRequestsValue, settings.IntroRequestsPerWeek), Inline: true),
                new(context.Text(AskTexts.SetupOpenAsks), settings.OpenAsksPerMember.ToString(CultureInfo.InvariantCulture), Inline: true),
            ],
        };
    }
}
