using NetworkBot.Discord.Rendering;

namespace NetworkBot.Discord.Tests.Rendering;

/// <summary>Discord's limits (PROTOCOLS §2–3) as predicates over what the renderer makes, for the property tests.</summary>
internal static class DiscordLimits
{
    public static bool Message(InteractionCallbackData message)
    {
        var embeds = message.Embeds ?? [];
        var rows = message.Components ?? [];
        var buttons = rows.SelectMany(r => r.Components!).ToList();
        return message.AllowedMentions is { Parse.Count: 0 }
            && (message.Content is { Length: > 0 and <= 2000 } || embeds.Count > 0 || rows.Count > 0)
            && (message.Content is null || message.Content.Length <= 2000)
            && embeds.Count <= 1
            && embeds.All(Embed)
            && rows.Count <= 5
            && rows.All(r => r.Type == ComponentType.ActionRow && r.Components!.Count is > 0 and <= 5)
            && buttons.Select(b => b.CustomId).Distinct().Count() == buttons.Count
            && buttons.All(b => b.CustomId!.Length <= 100 && (b.Label?.Length ?? 0) is > 0 and <= 80
                || b.Type == ComponentType.StringSelect && b.Options!.Count is > 0 and <= 25 && b.Options.All(o => o.Label.Length is > 0 and <= 100 && o.Value.Length <= 100)
                   && (b.Placeholder?.Length ?? 0) <= 150 && rows.Count(r => r.Components!.Contains(b)) == 1 && rows.Single(r => r.Components!.Contains(b)).Components!.Count == 1);
    }

    private static bool Embed(Embed embed)
    {
        var fields = embed.Fields ?? [];
        var total = (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + fields.Sum(f => f.Name.Length + f.Value.Length);
        return (embed.Title?.Length ?? 0) <= 256
            && (embed.Description?.Length ?? 0) <= 4096
            && fields.Count <= 25
            && fields.All(f => f.Name.Length is > 0 and <= 256 && f.Value.Length is > 0 and <= 1024)
            && total <= 6000
            && (embed.Title is not null || embed.Description is not null || fields.Count > 0);
    }

    public static bool Modal(InteractionCallbackData modal) =>
        modal.CustomId!.Length <= 100
        && modal.Title!.Length is > 0 and <= 45
        && modal.Components!.Count is > 0 and <= 5
        && modal.Components.All(l => l.Type == ComponentType.Label && l.Label!.Length is > 0 and <= 45
            && l.Component is { Type: ComponentType.TextInput, Style: 1 or 2, MaxLength: > 0 and <= 4000 } input
            && (input.Value?.Length ?? 0) <= input.MaxLength
            && input.CustomId!.Length is > 0 and <= 100);
}
