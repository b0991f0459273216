namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// One thing a member saw from the bot, as the surface delivered it: where, its text (title, body and fields run
/// together), the labels of its buttons, and the option names of a form. <see cref="Source"/> is the surface's own
/// record of it (the Discord message, the Slack blocks, the shell's choices), which pressing a button goes back to.
/// </summary>
public sealed record Seen(Place Where, string Text, IReadOnlyList<string> Buttons, object Source)
{
    /// <summary>The inputs of a form (modal) by option name, when this is one.</summary>
    public IReadOnlyList<string>? FormFields { get; init; }

    public bool IsForm => FormFields is not null;

    /// <summary>Shown to the member alone (Discord's ephemeral flag, Slack's ephemeral answers); the shell shows everything to whoever types.</summary>
    public bool Private { get; init; }

    /// <summary>The bot refused: what the surface marks as an error (a red embed, <c>:warning:</c>, <c>✖</c>).</summary>
    public bool IsError { get; init; }

    /// <summary>
    /// The conversation it was delivered in, where the surface tells conversations apart (a Discord channel, DM or thread,
    /// a Slack conversation); null in the shell, which prints everything in one place.
    /// </summary>
    public string? Conversation { get; init; }

    /// <summary>The file that came with it, when one did.</summary>
    public SeenFile? File { get; init; }

    public override string ToString() => $"{Where}: {Text} [{string.Join(" | ", Buttons)}]";
}
