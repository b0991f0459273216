using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Storage;

/// <summary>Why an import wrote nothing: the first community it could not take, and the reason in a sentence.</summary>
public sealed record ImportRefusal(CommunityId Community, string Reason);
