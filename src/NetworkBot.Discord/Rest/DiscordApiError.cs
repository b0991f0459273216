using System.Net;
using System.Text.Json;

namespace NetworkBot.Discord.Rest;

/// <summary>
/// A failed Discord REST call: the HTTP status, Discord's JSON error <see cref="Code"/> and message, and the
/// field errors of a 50035 "Invalid Form Body" flattened into lines such as
/// <c>embeds.0.description: Must be 4096 or fewer in length.</c>
/// </summary>
public sealed record DiscordApiError(HttpStatusCode Status, int? Code, string Message, IReadOnlyList<string> FieldErrors)
{
    public const int UnknownChannel = 10003;
    public const int UnknownGuild = 10004;
    public const int UnknownMember = 10007;
    public const int UnknownRole = 10011;
    public const int UnknownUser = 10013;
    public const int UnknownInteraction = 10062;
    public const int UnknownGuildScheduledEvent = 10070;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int CannotSendMessagesToThisUser = 50007;
    public const int MissingPermissions = 50013;
    public const int InvalidFormBody = 50035;

    /// <summary>Reads Discord's error body; a body that is not Discord's JSON keeps the status and the reason phrase.</summary>
    public static DiscordApiError Parse(HttpStatusCode status, ReadOnlySpan<byte> body, string? reasonPhrase = null)
    {
        var fallback = new DiscordApiError(status, null, reasonPhrase ?? status.ToString(), []);
        if (body.IsEmpty)
        {
            return fallback;
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return fallback;
            }

            int? code = root.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : fallback.Message;
            var lines = new List<string>();
            if (root.TryGetProperty("errors", out var errors))
            {
                Flatten(errors, "", lines);
            }

            return new DiscordApiError(status, code, message, lines);
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    /// <summary>A plain-English sentence for the user or the log, naming what to fix where Discord's codes say it.</summary>
    public static string Describe(DiscordApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Status == HttpStatusCode.Unauthorized)
        {
            return "Discord rejected the bot token (401 Unauthorized); check Discord:Token.";
        }

        return error.Code switch
        {
            UnknownChannel => "The channel no longer exists or the bot cannot see it (Discord 10003 Unknown Channel).",
            UnknownInteraction => "The interaction expired before the bot answered: replies must start within 3 seconds (Discord 10062 Unknown Interaction).",
            InteractionAlreadyAcknowledged => "The interaction was already answered; later changes must edit the original reply (Discord 40060).",
            MissingAccess => "The bot cannot see that channel or server; check that it is a member and has View Channel there (Discord 50001 Missing Access).",
            CannotSendMessagesToThisUser => "Discord would not deliver a direct message to this user: they have closed DMs from server members or blocked the bot (Discord 50007).",
            MissingPermissions => "The bot lacks a permission for this action, or the role or member it acts on is at or above the bot's highest role in the role hierarchy (Discord 50013 Missing Permissions).",
            InvalidFormBody => error.FieldErrors.Count == 0
                ? "Discord rejected the request body as invalid (Discord 50035 Invalid Form Body)."
                : $"Discord rejected the request body (50035 Invalid Form Body): {string.Join("; ", error.FieldErrors)}",
            { } code => $"Discord refused the request with {(int)error.Status} {error.Status}, error {code}: {error.Message}",
            null => $"Discord answered {(int)error.Status} {error.Status}: {error.Message}",
        };
    }

    private static void Flatten(JsonElement node, string path, List<string> lines)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    var text = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("message", out var m) ? m.GetString() : null;
                    lines.Add($"{(path.Length == 0 ? "(body)" : path)}: {text ?? item.ToString()}");
                }
            }
            else
            {
                Flatten(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", lines);
            }
        }
    }
}
