using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Bench.Generation;

/// <summary>One generated member with everything the contract carries, including offers and seeks.</summary>
internal sealed record SyntheticMember(
    string Id,
    string Industry,
    string[] Interests,
    string[] Offers,
    string[] Seeks,
    string TimeZone,
    string[] Blocked)
{
    public PairingMember ToPairingMember() =>
        new(new MemberId(Id), Industry, Interests, TimeZone, Blocked.Select(id => new MemberId(id)).ToArray())
        {
            Offers = Offers,
            Seeks = Seeks,
        };
}
