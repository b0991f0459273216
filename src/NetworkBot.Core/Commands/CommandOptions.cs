using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Commands;

/// <summary>
/// Validated, typed option values of one command. An option given empty is present with a null value:
/// for profile fields that means "clear it".
/// </summary>
public sealed class CommandOptions(IReadOnlyDictionary<string, object?> values)
{
    public static CommandOptions None { get; } = new(new Dictionary<string, object?>());

    public bool Has(string name) => values.ContainsKey(name);

    public int Count => values.Count;

    public string? Text(string name) => Get<string>(name);

    public IReadOnlyList<string>? List(string name) => Get<IReadOnlyList<string>>(name);

    public DateOnly? Date(string name) => values.GetValueOrDefault(name) as DateOnly?;

    public TimeOnly? Time(string name) => values.GetValueOrDefault(name) as TimeOnly?;

    public long? Integer(string name) => values.GetValueOrDefault(name) as long?;

    public TimeSpan? Duration(string name) => values.GetValueOrDefault(name) as TimeSpan?;

    public Language? Language(string name) => values.GetValueOrDefault(name) as Language?;

    public Member? Member(string name) => Get<Member>(name);

    private T? Get<T>(string name)
        where T : class => values.GetValueOrDefault(name) as T;
}
