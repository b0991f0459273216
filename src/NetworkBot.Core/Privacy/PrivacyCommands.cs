using Microsoft.Extensions.Logging;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Privacy;

/// <summary>
/// <c>/privacy export</c> and <c>/privacy delete</c>: a member sees everything stored about them, or has it erased, in the
/// community they call from; <c>/admin privacy delete</c>: a manager erases a member on that member's request. A deletion
/// runs only with <c>confirm:yes</c>, which the warning's button gives; running it again answers that nothing is stored.
/// None of these store a caller seen for the first time (<see cref="CommandSpec.StoresNewCaller"/>).
/// </summary>
public sealed class PrivacyCommands(IPrivacyStore privacyStore, MemberEraser eraser, ILogger<PrivacyCommands> logger) : ICommandModule
{
    /// <summary>The name of the export file, the same for everyone, so a member recognises it in their DMs.</summary>
    public const string ExportFileName = "networkbot-data.json";

    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["privacy export"] = ExportAsync,
        ["privacy delete"] = DeleteAsync,
        ["admin privacy delete"] = AdminDeleteAsync,
    };

    private async Task<Reply> ExportAsync(CommandContext context, CancellationToken ct)
    {
        var export = await privacyStore.ExportMemberAsync(context.Community.Id, context.Caller.Id, ct).ConfigureAwait(false);
        var document = MemberExportDocument.Write(context.Community.Id, context.Caller.Id, export, context.Now);
        return new Reply(context.Text(export is null ? PrivacyTexts.ExportNothingStored : PrivacyTexts.ExportSent, context.Community.Name))
        {
            File = new ReplyFile(ExportFileName, "application/json", document) { Direct = true, Language = context.Language },
        };
    }

    private async Task<Reply> DeleteAsync(CommandContext context, CancellationToken ct)
    {
        if (context.Options.Get(PrivacyOptions.Confirm) is null)
        {
            return new Reply(context.Text(PrivacyTexts.DeleteWarning, context.Community.Name))
            {
                Title = context.Text(PrivacyTexts.DeleteWarningTitle),
                Buttons = [new(context.Text(PrivacyTexts.ButtonDelete), CommandInvocation.Of("privacy delete", (PrivacyOptions.Confirm.Name, PrivacyOptions.Yes)), ButtonStyle.Danger)],
            };
        }

        var erased = await EraseAsync(context, context.Caller.Id, byManager: false, ct).ConfigureAwait(false);
        return new Reply(context.Text(erased ? PrivacyTexts.Deleted : PrivacyTexts.NothingStored, context.Community.Name));
    }

    private async Task<Reply> AdminDeleteAsync(CommandContext context, CancellationToken ct)
    {
        // The binder resolved the member among the caller's community's members: no other community's member can be named.
        var member = context.Options.Get(PrivacyOptions.Member);
        if (context.Options.Get(PrivacyOptions.Confirm) is null)
        {
            return new Reply(context.Text(PrivacyTexts.AdminDeleteWarning, member.DisplayName))
            {
                Title = context.Text(PrivacyTexts.DeleteWarningTitle),
                Buttons =
                [
                    new(context.Text(PrivacyTexts.AdminButtonDelete),
                        CommandInvocation.Of("admin privacy delete", (PrivacyOptions.Member.Name, member.Id.Value), (PrivacyOptions.Confirm.Name, PrivacyOptions.Yes)),
                        ButtonStyle.Danger),
                ],
            };
        }

        var erased = await EraseAsync(context, member.Id, byManager: true, ct).ConfigureAwait(false);
        return new Reply(context.Text(erased ? PrivacyTexts.AdminDeleted : PrivacyTexts.AdminNothingStored, member.DisplayName));
    }

    private async Task<bool> EraseAsync(CommandContext context, Domain.MemberId member, bool byManager, CancellationToken ct)
    {
        var erased = await eraser.EraseAsync(context.Community, member, context.Now, ct).ConfigureAwait(false);
        if (erased)
        {
            PrivacyLog.ErasedOnRequest(logger, context.Community.Id.Value, byManager);
        }

        return erased;
    }
}
