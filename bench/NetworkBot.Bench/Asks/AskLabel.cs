namespace NetworkBot.Bench.Asks;

/// <summary>
/// One request of the labelled set (bench/labels/ask-labels.json) as a member would write it, the offer texts that answer
/// it (in either language) and every demo member who offers one of them.
/// </summary>
internal sealed record AskLabel(string Language, string Request, string[] Offers, string[] Members);
