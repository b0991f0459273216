using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Components;
using NetworkBot.Host.Dashboard.Components;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// Answers that are not a routed page (sign-in, refusals) rendered inside the same HTML shell (<see cref="App"/>), in
/// the language of the request's <see cref="DashboardViewer"/>, with the status the answer needs.
/// </summary>
internal static class DashboardResponse
{
    public static RazorComponentResult<App> Page<TPage>(int status, IDictionary<string, object>? parameters = null)
        where TPage : IComponent =>
        new(new Dictionary<string, object?> { [nameof(App.Page)] = typeof(TPage), [nameof(App.PageParameters)] = parameters })
        {
            StatusCode = status,
        };

    public static Task PageAsync<TPage>(HttpContext context, int status)
        where TPage : IComponent =>
        Page<TPage>(status).ExecuteAsync(context);
}
