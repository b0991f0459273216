using System.Text;

namespace NetworkBot.Core.Tests.Events;

/// <summary>
/// A strict iCalendar parser for the tests (RFC 5545 §3.1–3.3): CRLF only, unfolding of CRLF + one space or tab,
/// <c>name *(";" param) ":" value</c> content lines, BEGIN/END nesting that must match, and TEXT unescaping that
/// refuses an unknown escape or an unescaped <c>;</c> or <c>,</c> in a single-value TEXT property.
/// </summary>
internal static class IcsParser
{
    private static readonly HashSet<string> SingleTextProperties = new(StringComparer.Ordinal) { "SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME", "TZNAME" };

    public sealed record Property(string Name, IReadOnlyDictionary<string, string> Parameters, string RawValue)
    {
        public string Text => Unescape(RawValue);
    }

    public sealed class Component(string name)
    {
        public string Name { get; } = name;

        public List<Property> Properties { get; } = [];

        public List<Component> Children { get; } = [];

        public Property One(string name) => Assert.Single(Properties, p => p.Name == name);

        public Property? Maybe(string name) => Properties.SingleOrDefault(p => p.Name == name);

        public IEnumerable<Component> All(string name) => Children.Where(c => c.Name == name);
    }

    public static Component Parse(string text)
    {
        Assert.DoesNotContain(text.Replace("\r\n", string.Empty, StringComparison.Ordinal), c => c is '\r' or '\n');
        Assert.EndsWith("\r\n", text);
        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Replace("\r\n\t", string.Empty, StringComparison.Ordinal);
        var stack = new Stack<Component>();
        Component? root = null;
        foreach (var line in unfolded.Split("\r\n")[..^1])
        {
            var property = ContentLine(line);
            if (property.Name == "BEGIN")
            {
                var component = new Component(property.RawValue);
                if (stack.TryPeek(out var parent))
                {
                    parent.Children.Add(component);
                }
                else
                {
                    Assert.Null(root);
                    root = component;
                }

                stack.Push(component);
            }
            else if (property.Name == "END")
            {
                Assert.Equal(stack.Pop().Name, property.RawValue);
            }
            else
            {
                if (SingleTextProperties.Contains(property.Name))
                {
                    _ = property.Text;
                }

                Assert.True(stack.Count > 0, $"property outside a component: {line}");
                stack.Peek().Properties.Add(property);
            }
        }

        Assert.Empty(stack);
        Assert.NotNull(root);
        Assert.Equal("VCALENDAR", root.Name);
        return root;
    }

    /// <summary><c>name *(";" param "=" value) ":" value</c>; parameter values may be quoted.</summary>
    private static Property ContentLine(string line)
    {
        var i = 0;
        string Name()
        {
            var start = i;
            while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '-'))
            {
                i++;
            }

            Assert.True(i > start, $"no name at {start} in: {line}");
            return line[start..i].ToUpperInvariant();
        }

        var name = Name();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        while (i < line.Length && line[i] == ';')
        {
            i++;
            var parameter = Name();
            Assert.Equal('=', line[i++]);
            var start = i;
            if (line[i] == '"')
            {
                var close = line.IndexOf('"', i + 1);
                Assert.True(close > i, line);
                parameters[parameter] = line[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                while (i < line.Length && line[i] is not (';' or ':' or ','))
                {
                    Assert.NotEqual('"', line[i]);
                    i++;
                }

                parameters[parameter] = line[start..i];
            }
        }

        Assert.True(i < line.Length && line[i] == ':', $"no ':' after the name and parameters of: {line}");
        return new Property(name, parameters, line[(i + 1)..]);
    }

    /// <summary>TEXT (§3.3.11): <c>\\ \; \, \n \N</c> only; <c>;</c> and <c>,</c> must be escaped.</summary>
    private static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            Assert.False(c is ';' or ',', $"unescaped '{c}' in TEXT: {value}");
            Assert.False(char.IsControl(c) && c != '\t', "control character in TEXT");
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            Assert.True(++i < value.Length, "a TEXT value ends in a lone backslash");
            text.Append(value[i] switch
            {
                '\\' => '\\',
                ';' => ';',
                ',' => ',',
                'n' or 'N' => '\n',
                var other => throw new Xunit.Sdk.XunitException($"unknown escape \\{other}"),
            });
        }

        return text.ToString();
    }
}
