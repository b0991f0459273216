using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Commands;

/// <summary>
/// An option a command cannot run without, declared with the type a handler reads it as: <c>RequiredOption&lt;Member&gt;</c>.
/// The binder refuses a call without it, so <see cref="CommandOptions.Get{T}(RequiredOption{T})"/> never returns null.
/// </summary>
public sealed record RequiredOption<T> : OptionSpec
    where T : notnull
{
    public RequiredOption(string name, OptionKind kind, LocalizedText description)
        : base(name, kind, description)
    {
        if (typeof(T) != ValueType(kind))
        {
            throw new ArgumentException($"Option {name} of kind {kind} holds a {ValueType(kind).Name}; declare it as RequiredOption<{ValueType(kind).Name}>.", nameof(kind));
        }

        Required = true;
    }
}
