using System.Text.Json.Serialization;

namespace NetworkBot.Discord.Gateway;

/// <summary><c>d</c> of op 10 Hello. The real frame also carries <c>_trace</c>, which is ignored.</summary>
public sealed record HelloData([property: JsonRequired] int HeartbeatInterval);
