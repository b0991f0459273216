namespace NetworkBot.Core.Domain;

/// <summary>A person in one community. The same person in two communities is two members.</summary>
public sealed record Member(
    CommunityId Community,
    MemberId Id,
    string DisplayName,
    Profile Profile,
    CoffeeEnrollment Coffee,
    DateTimeOffset JoinedAt);
