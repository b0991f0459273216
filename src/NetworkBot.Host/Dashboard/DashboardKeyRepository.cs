using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using NetworkBot.Core.Dashboard;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// ASP.NET Core's data-protection keys (which sign the dashboard's antiforgery tokens) in the database instead of a
/// folder of this machine: every instance over the same PostgreSQL database accepts what another issued, and a
/// restart keeps them. The interface is synchronous; the key ring asks rarely (at start, then about once a day).
/// </summary>
internal sealed class DashboardKeyRepository(IDashboardStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.ListDataProtectionKeysAsync(CancellationToken.None).GetAwaiter().GetResult().Select(key => XElement.Parse(key.Xml)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        store.SaveDataProtectionKeyAsync(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)), CancellationToken.None).GetAwaiter().GetResult();
}
