using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Intro;

/// <summary><c>/intro set | show | post</c>: the 15-second self-introduction that makes first contact easy.</summary>
public sealed class IntroCommands(IMemberStore memberStore, IOutboxStore outboxStore) : ICommandModule
{
    /// <summary>
    /// How long a member waits between two posts of their introduction: a post is public and goes through the
    /// community's outbox, so a member repeating it would flood the channel and hold the community's other messages.
    /// </summary>
    public static readonly TimeSpan PostCooldown = TimeSpan.FromMinutes(10);

    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["intro set"] = SetAsync,
        ["intro show"] = ShowAsync,
        ["intro post"] = PostAsync,
    };

    private async Task<Reply> SetAsync(CommandContext context, CancellationToken ct)
    {
        var options = context.Options;
        if (options.Count == 0)
        {
            return FormFor(context);
        }

        var profile = context.Caller.Profile;
        profile = profile with
        {
            Pitch = options.Has(IntroOptions.Pitch) ? options.Get(IntroOptions.Pitch) : profile.Pitch,
            Role = options.Has(IntroOptions.Role) ? options.Get(IntroOptions.Role) : profile.Role,
            Industry = options.Has(IntroOptions.Industry) ? options.Get(IntroOptions.Industry) : profile.Industry,
            Offers = options.Has(IntroOptions.Offers) ? options.Get(IntroOptions.Offers) ?? [] : profile.Offers,
            Seeks = options.Has(IntroOptions.Seeks) ? options.Get(IntroOptions.Seeks) ?? [] : profile.Seeks,
            Interests = options.Has(IntroOptions.Interests) ? options.Get(IntroOptions.Interests) ?? [] : profile.Interests,
            TimeZone = options.Has(IntroOptions.TimeZone) ? options.Get(IntroOptions.TimeZone) : profile.TimeZone,
            Language = options.Has(IntroOptions.Language) ? options.Get(IntroOptions.Language) : profile.Language,
            OpenToIntros = options.Get(IntroOptions.OpenToIntros) is { } open ? open == "yes" : profile.OpenToIntros,
        };
        var member = context.Caller with { Profile = profile };
        await memberStore.SaveMemberAsync(member, ct).ConfigureAwait(false);
        var language = profile.Language ?? context.Language;
        var card = ProfileCard.ForOwner(member, language);
        return card with
        {
            Text = IntroTexts.IntroSaved.Get(language) + (card.Text.Length > 0 ? "\n\n" + card.Text : string.Empty),

            // Sharing it is the next step for almost everyone, so it is one press away where there is a channel for it.
            Buttons = context.Community.Settings.IntroChannel is null || profile.IsEmpty
                ? []
                : [new ReplyButton(IntroTexts.ButtonPostIntro.Get(language), CommandInvocation.Of("intro post"), ButtonStyle.Primary)],
        };
    }

    /// <summary>The form for the fields people write; interests, time zone and language are set with options.</summary>
    private static Reply FormFor(CommandContext context)
    {
        var profile = context.Caller.Profile;
        FormField Field(OptionSpec option, LocalizedText label, string? value, bool multiline) =>
            new(option.Name, label.Get(context.Language), multiline, Required: false, option.MaxLength, value);
        var form = new ReplyForm(IntroTexts.IntroFormTitle.Get(context.Language), "intro set",
        [
            Field(IntroOptions.Pitch, IntroTexts.FieldPitch, profile.Pitch, multiline: true),
            Field(IntroOptions.Role, IntroTexts.FieldRole, profile.Role, multiline: false),
            Field(IntroOptions.Industry, IntroTexts.FieldIndustry, profile.Industry, multiline: false),
            Field(IntroOptions.Offers, IntroTexts.FieldOffers, string.Join(", ", profile.Offers), multiline: true),
            Field(IntroOptions.Seeks, IntroTexts.FieldSeeks, string.Join(", ", profile.Seeks), multiline: true),
        ]);
        return new Reply(IntroTexts.IntroFormTitle.Get(context.Language)) { Form = form };
    }

    private static Task<Reply> ShowAsync(CommandContext context, CancellationToken ct)
    {
        var member = context.Options.Get(IntroOptions.Member) ?? context.Caller;
        var self = member.Id == context.Caller.Id;
        if (member.Profile.IsEmpty)
        {
            return Task.FromResult(self
                ? new Reply(context.Text(IntroTexts.IntroNoneYourself))
                : new Reply(context.Text(IntroTexts.IntroNoneOther, member.DisplayName)));
        }

        return Task.FromResult(self ? ProfileCard.ForOwner(member, context.Language) : ProfileCard.For(member, context.Language));
    }

    private async Task<Reply> PostAsync(CommandContext context, CancellationToken ct)
    {
        if (context.Caller.Profile.IsEmpty)
        {
            return Reply.Error(context.Text(IntroTexts.IntroPostNeedsIntro));
        }

        if (context.Community.Settings.IntroChannel is not { } channel)
        {
            return Reply.Error(context.Text(IntroTexts.IntroNoChannel));
        }

        var keyPrefix = $"intro:{context.Caller.Id}:";
        if (await outboxStore.LatestCreatedAtAsync(context.Community.Id, keyPrefix, ct).ConfigureAwait(false) is { } last
            && context.Now - last < PostCooldown)
        {
            var minutes = (int)Math.Ceiling((last + PostCooldown - context.Now).TotalMinutes);
            return Reply.Error(context.Text(IntroTexts.IntroPostCooldown, minutes));
        }

        var communityLanguage = context.Community.Settings.Language;
        var card = ProfileCard.For(context.Caller, communityLanguage);
        var post = card with
        {
            Text = IntroTexts.IntroPostHeader.Format(communityLanguage, context.Caller.DisplayName) + (card.Text.Length > 0 ? "\n\n" + card.Text : string.Empty),
            Visibility = Visibility.Public,
        };
        var key = keyPrefix + context.Now.ToUnixTimeMilliseconds();
        await outboxStore.EnqueueAsync([OutboxMessage.Create(context.Community.Id, key, MessageTarget.ToChannel(channel), post, context.Now)], ct).ConfigureAwait(false);
        return new Reply(context.Text(IntroTexts.IntroPosted, "#" + channel));
    }
}
