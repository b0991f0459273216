namespace NetworkBot.Bench.Answers;

/// <summary>
/// The commands both platforms' runs send, by position: of every ten, a join and a leave of the interest group
/// (each a role or channel change through the outbox), two lists, three coffee joins and three statuses.
/// </summary>
internal static class CommandMix
{
    public const string Interest = "rust";

    public static (string Path, string? Name, bool ChangesSpace) For(int n) => (n % 10) switch
    {
        0 => ("interests join", Interest, true),
        5 => ("interests leave", Interest, true),
        2 or 8 => ("interests list", null, false),
        3 or 6 or 9 => ("coffee join", null, false),
        _ => ("coffee status", null, false),
    };
}
