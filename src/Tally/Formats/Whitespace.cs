using System.Text;

namespace Tally.Formats;

/// <summary>Folds runs of white space into one space, trimmed: how titles, bylines and evidence quotes are written.</summary>
internal static class Whitespace
{
    /// <summary>The text with white space folded and trimmed, cut to at most <paramref name="max"/> characters.</summary>
    public static string Fold(ReadOnlySpan<char> text, int max = int.MaxValue)
    {
        var sb = new StringBuilder(Math.Min(text.Length, max));
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
            if (sb.Length >= max)
            {
                break;
            }
        }

        return sb.ToString();
    }
}
