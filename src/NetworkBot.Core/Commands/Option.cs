using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Commands;

/// <summary>
/// An option a command may be given, declared with the type a handler reads it as — the nullable form, since it may
/// be absent: <c>Option&lt;string?&gt;</c>, <c>Option&lt;DateOnly?&gt;</c>, <c>Option&lt;Member?&gt;</c>.
/// Handlers read it with <see cref="CommandOptions.Get{T}(Option{T})"/>.
/// </summary>
public sealed record Option<T> : OptionSpec
{
    public Option(string name, OptionKind kind, LocalizedText description)
        : base(name, kind, description)
    {
        // A value type must be its nullable form, or an absent option would read as a real value (0, 0001-01-01).
        var valueType = Nullable.GetUnderlyingType(typeof(T));
        if ((valueType ?? typeof(T)) != ValueType(kind) || (typeof(T).IsValueType && valueType is null))
        {
            throw new ArgumentException($"Option {name} of kind {kind} holds a {ValueType(kind).Name}; declare it as Option<{ValueType(kind).Name}?>.", nameof(kind));
        }
    }
}
