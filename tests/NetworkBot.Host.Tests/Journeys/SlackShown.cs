using System.Text.Json.Nodes;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// The Slack side of a <see cref="Seen"/>: the message or view as the bot sent it, and where Slack shows it — what a
/// press of one of its buttons names as its <c>container</c>. A message has a conversation and a <c>ts</c>; an
/// ephemeral one lives only in the member's client; a view (App Home, modal) has an id.
/// </summary>
/// <param name="Body">The message (<c>text</c>, <c>blocks</c>) or the view (<c>type</c>, <c>blocks</c>, <c>callback_id</c>, …).</param>
/// <param name="Ephemeral">An answer only its member sees (an acknowledgement, a <c>response_url</c> post, <c>chat.postEphemeral</c>).</param>
internal sealed record SlackShown(JsonObject Body, string? Channel, string? Ts, string? ViewId, bool Ephemeral = false);
