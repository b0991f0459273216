using System.Globalization;
using System.Text.Json;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Discord.Commands;
using NetworkBot.Discord.Rendering;
using NetworkBot.Discord.Rest;

namespace NetworkBot.Discord.Interactions;

/// <summary>
/// Turns a Discord interaction into Core's platform-neutral <see cref="CommandRequest"/>. Never throws on input:
/// anything it cannot use becomes a <see cref="NotUnderstoodInteraction"/>.
/// </summary>
public static class InteractionMapper
{
    private const ulong Administrator = 1UL << 3;
    private const ulong ManageGuild = 1UL << 5;

    /// <summary>Parses and maps an interaction body (HTTP) or a gateway frame's <c>d</c> as UTF-8 JSON.</summary>
    public static MappedInteraction Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return Map(JsonSerializer.Deserialize(utf8Json, InteractionJsonContext.Default.Interaction));
        }
        catch (JsonException e)
        {
            return new NotUnderstoodInteraction($"Not an interaction: {e.Message}");
        }
    }

    /// <summary>Parses and maps the <c>d</c> of an <c>INTERACTION_CREATE</c> dispatch.</summary>
    public static MappedInteraction Parse(JsonElement d)
    {
        try
        {
            return d.ValueKind == JsonValueKind.Object
                ? Map(d.Deserialize(InteractionJsonContext.Default.Interaction))
                : new NotUnderstoodInteraction($"Not an interaction: a JSON {d.ValueKind}");
        }
        catch (JsonException e)
        {
            return new NotUnderstoodInteraction($"Not an interaction: {e.Message}");
        }
    }

    public static MappedInteraction Map(Interaction? interaction)
    {
        if (interaction is null)
        {
            return new NotUnderstoodInteraction("Not an interaction: null");
        }

        if (interaction.Type == InteractionType.Ping)
        {
            return new PingInteraction(interaction);
        }

        if ((interaction.Member?.User ?? interaction.User) is not { Id.Length: > 0 } caller)
        {
            return new NotUnderstoodInteraction("The interaction names no invoking user", interaction);
        }

        return interaction.Type switch
        {
            InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete => MapCommand(interaction, caller),
            InteractionType.MessageComponent => MapComponent(interaction, caller),
            InteractionType.ModalSubmit => MapModalSubmit(interaction, caller),
            _ => new NotUnderstoodInteraction($"Interaction type {(int)interaction.Type} is not handled", interaction),
        };
    }

    private static MappedInteraction MapCommand(Interaction interaction, DiscordUser caller)
    {
        if (interaction.Data is not { Name: { Length: > 0 } name } data || data.Type is not (null or 1))
        {
            return new NotUnderstoodInteraction("Only slash commands (type 1) with a name are handled", interaction);
        }

        var path = new List<string> { name };
        var parameters = data.Options ?? [];
        while (parameters is [{ Type: ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup, Name.Length: > 0 } nested])
        {
            path.Add(nested.Name);
            parameters = nested.Options ?? [];
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        InteractionOption? focused = null;
        foreach (var option in parameters)
        {
            // Names are required by Discord; a payload without one is malformed, not an option to guess at.
            if (option.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup
                || string.IsNullOrEmpty(option.Name)
                || FormatValue(option.Value) is not { } value
                || !options.TryAdd(option.Name, value))
            {
                return new NotUnderstoodInteraction($"Option '{option.Name}' of '{string.Join(' ', path)}' has no usable value", interaction);
            }

            focused = option.Focused == true ? option : focused;
        }

        if (interaction.GuildId is not { Length: > 0 } guild)
        {
            // Commands are registered for servers only; one from anywhere else has no community to act in.
            return new NotUnderstoodInteraction("A command outside a server", interaction);
        }

        var request = Request(interaction, caller, guild, string.Join(' ', path), options);
        if (interaction.Type == InteractionType.ApplicationCommand)
        {
            return new CommandInteraction(interaction, request);
        }

        return focused is null
            ? new NotUnderstoodInteraction("An autocomplete interaction without a focused option", interaction)
            : new AutocompleteInteraction(interaction, request, focused.Name, options[focused.Name]);
    }

    private static MappedInteraction MapComponent(Interaction interaction, DiscordUser caller)
    {
        if (!CustomIds.TryDecode(interaction.Data?.CustomId, out var invocation, out var selectOption, out var guild))
        {
            return new NotUnderstoodInteraction("The component's custom_id is not one NetworkBot wrote", interaction);
        }

        var options = new Dictionary<string, string>(invocation.Options, StringComparer.Ordinal);
        if (selectOption is not null)
        {
            if (interaction.Data?.Values is not { Count: > 0 } values)
            {
                return new NotUnderstoodInteraction("A select interaction without a chosen value", interaction);
            }

            options[selectOption] = string.Join(',', values);
        }

        return FromComponent(interaction, caller, invocation.Path, options, guild);
    }

    private static MappedInteraction MapModalSubmit(Interaction interaction, DiscordUser caller)
    {
        if (!CustomIds.TryDecode(interaction.Data?.CustomId, out var invocation, out var selectOption, out var guild) || selectOption is not null)
        {
            return new NotUnderstoodInteraction("The modal's custom_id is not one NetworkBot wrote", interaction);
        }

        var options = new Dictionary<string, string>(invocation.Options, StringComparer.Ordinal);
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!CollectTextInputs(interaction.Data?.Components ?? [], inputs))
        {
            return new NotUnderstoodInteraction("The modal submit repeats a text input", interaction);
        }

        foreach (var (name, value) in inputs)
        {
            options[name] = value;
        }

        return FromComponent(interaction, caller, invocation.Path, options, guild);
    }

    /// <summary>
    /// A component acts in the server it was pressed in. Pressed in a DM (no <c>guild_id</c>), it acts in the server
    /// its custom id names, and Core then accepts only a caller it already knows there. A custom id naming another
    /// server than the one it was pressed in was copied or forged, and does nothing.
    /// </summary>
    private static MappedInteraction FromComponent(
        Interaction interaction, DiscordUser caller, string path, Dictionary<string, string> options, Snowflake? guild)
    {
        if (interaction.GuildId is { Length: > 0 } pressedIn)
        {
            return guild is { } named && named.ToString() != pressedIn
                ? new NotUnderstoodInteraction("The component names another server than the one it was pressed in", interaction)
                : new CommandInteraction(interaction, Request(interaction, caller, pressedIn, path, options));
        }

        if (guild is not { } madeFor)
        {
            // Sent by an older version, before DM components named their server: nothing says where it acts.
            return new NotUnderstoodInteraction("A component outside a server that names none", interaction);
        }

        var request = Request(interaction, caller, madeFor.ToString(), path, options) with { CommunityFromComponent = true };
        return new CommandInteraction(interaction, request) { DeliveredOutside = madeFor };
    }

    /// <summary>Both shapes: legacy Action Row → <c>components[]</c> → Text Input, and Label → <c>component</c> → Text Input.</summary>
    private static bool CollectTextInputs(IEnumerable<DiscordComponent?> components, Dictionary<string, string> inputs)
    {
        foreach (var component in components.OfType<DiscordComponent>())
        {
            var ok = component is { Type: ComponentType.TextInput, CustomId: { } name }
                ? inputs.TryAdd(name, component.Value ?? string.Empty)
                : CollectTextInputs([.. component.Components ?? [], component.Component], inputs);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static CommandRequest Request(Interaction interaction, DiscordUser caller, string guild, string path, IReadOnlyDictionary<string, string> options) =>
        new(
            CommunityId.For("discord", guild),
            new MemberId(caller.Id),
            FirstNonBlank(interaction.Member?.Nick, caller.GlobalName, caller.Username) ?? caller.Id,
            path,
            options)
        {
            Channel = interaction.ChannelId ?? interaction.Channel?.Id,
            Locale = LanguageCodes.TryParse(interaction.Locale, out var language) ? language : null,
            CallerIsPlatformManager = IsManager(interaction.Member?.Permissions),
            CallerRoles = interaction.Member?.Roles ?? [],
        };

    /// <summary>ADMINISTRATOR or MANAGE_GUILD in the member's permission string (a decimal wider than 32 bits).</summary>
    private static bool IsManager(string? permissions) =>
        ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && (bits & (Administrator | ManageGuild)) != 0;

    private static string? FormatValue(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Number when value.Value.TryGetInt64(out var whole) => whole.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Number when value.Value.TryGetDouble(out var number) => number.ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static string? FirstNonBlank(params string?[] names) => names.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
}
