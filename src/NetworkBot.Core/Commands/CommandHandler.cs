using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Commands;

/// <summary>Runs one command of the table once its options are valid and its caller may use it.</summary>
public delegate Task<Reply> CommandHandler(CommandContext context, CancellationToken ct);
