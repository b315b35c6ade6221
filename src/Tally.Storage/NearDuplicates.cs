using System.Numerics;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;

namespace Tally.Storage;

/// <summary>
/// Near-duplicate articles: word shingles, a MinHash signature, locality-sensitive bands to find candidates, and the
/// exact containment of shingles to decide.
/// </summary>
/// <remarks>
/// Containment (the shared shingles over the smaller article's) rather than resemblance, so that a truncated copy
/// of a longer article counts as its duplicate. With 32 bands of 2 rows, two articles whose resemblance is 0.3 become
/// candidates with probability 0.95; candidates are first checked on their signatures, then exactly.
/// </remarks>
public static class NearDuplicates
{
    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 5;

    /// <summary>Hash functions in a signature.</summary>
    public const int Hashes = 64;

    /// <summary>Rows (hash values) per band.</summary>
    public const int RowsPerBand = 2;

    /// <summary>The share of the smaller article's shingles the other must hold for the two to be near-duplicates.</summary>
    public const double Threshold = 0.8;

    /// <summary>Articles with fewer shingles than this are too short to call duplicates.</summary>
    public const int MinShingles = 8;

    private static readonly ulong[] s_seeds = MakeSeeds();

    /// <summary>The hashes of the article's word shingles (lower-cased letters and digits; punctuation ignored).</summary>
    public static HashSet<ulong> Shingles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<ulong>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            ulong h = 14695981039346656037UL;
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                h = unchecked((h ^ char.ToLowerInvariant(text[i])) * 1099511628211UL);
                i++;
            }

            if (i > start)
            {
                words.Add(h);
            }
        }

        var shingles = new HashSet<ulong>();
        for (int k = 0; k + ShingleWords <= words.Count; k++)
        {
            ulong h = 0;
            for (int j = 0; j < ShingleWords; j++)
            {
                h = Mix(unchecked(h * 31 + words[k + j]));
            }

            shingles.Add(h);
        }

        return shingles;
    }

    /// <summary>The MinHash signature of a shingle set.</summary>
    public static ulong[] Signature(HashSet<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        var signature = new ulong[Hashes];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var s in shingles)
        {
            for (int i = 0; i < Hashes; i++)
            {
                ulong h = Mix(s ^ s_seeds[i]);
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }

        return signature;
    }

    /// <summary>
    /// The LSH buckets of a signature: one per band of <see cref="RowsPerBand"/> hash values, each a 64-bit key that
    /// mixes the band's number with its values (so the bands share one index).
    /// </summary>
    public static long[] Buckets(ulong[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var buckets = new long[Hashes / RowsPerBand];
        for (int b = 0; b < buckets.Length; b++)
        {
            ulong h = (ulong)b;
            for (int r = 0; r < RowsPerBand; r++)
            {
                h = Mix(unchecked(h * 31 + signature[(b * RowsPerBand) + r]));
            }

            buckets[b] = unchecked((long)h);
        }

        return buckets;
    }

    /// <summary>A signature as the record stores it: its 64-bit values in hexadecimal, little-endian, one after another.</summary>
    public static string FormatSignature(ulong[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        Span<byte> bytes = stackalloc byte[signature.Length * 8];
        for (int i = 0; i < signature.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes[(8 * i)..], signature[i]);
        }

        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Reads back a signature written by <see cref="FormatSignature"/>; <c>null</c> when the text is not one.</summary>
    public static ulong[]? ParseSignature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != Hashes * 16)
        {
            return null;
        }

        var signature = new ulong[Hashes];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(signature.AsSpan());
        return Convert.FromHexString(text, bytes, out _, out int written) == System.Buffers.OperationStatus.Done && written == bytes.Length
            ? FromLittleEndian(signature)
            : null;

        static ulong[] FromLittleEndian(ulong[] values)
        {
            if (!BitConverter.IsLittleEndian)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(values[i]);
                }
            }

            return values;
        }
    }

    /// <summary>
    /// A signature cut to the low 16 bits of each value: 128 bytes an article instead of 512, so that the ingest can keep
    /// every article's in memory. Two different values agree on their low bits once in 65,536, so comparing fingerprints
    /// overestimates the agreement by next to nothing; and since <see cref="MayContain"/> only decides which pairs get
    /// their shingles compared, an overestimate could cost a comparison, never change a link.
    /// </summary>
    public static ushort[] Fingerprint(ulong[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var fingerprint = new ushort[signature.Length];
        for (int i = 0; i < signature.Length; i++)
        {
            fingerprint[i] = unchecked((ushort)signature[i]);
        }

        return fingerprint;
    }

    /// <summary>
    /// Whether two articles, by their fingerprints and shingle counts, may reach the containment <see cref="Threshold"/>:
    /// the share of agreeing values estimates their resemblance, given a generous margin, since a miss here is a
    /// link lost while a false hope costs only a comparison of shingles.
    /// </summary>
    public static bool MayContain(ushort[] a, int countA, ushort[] b, int countB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Min(countA, countB) < MinShingles)
        {
            return false;
        }

        int same = 0, n = Math.Min(a.Length, b.Length), i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<ushort>.Count <= n; i += Vector256<ushort>.Count)
            {
                var equal = Vector256.Equals(Vector256.Create(a.AsSpan(i)), Vector256.Create(b.AsSpan(i)));
                same += BitOperations.PopCount(equal.ExtractMostSignificantBits());
            }
        }

        for (; i < n; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }

        double resemblance = Math.Min(1, (double)same / Hashes + 0.25);
        double containment = resemblance * (countA + countB) / ((1 + resemblance) * Math.Min(countA, countB));
        return containment >= Threshold;
    }

    public static double Containment(HashSet<ulong> a, HashSet<ulong> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        if (small.Count < MinShingles)
        {
            return 0;
        }

        int shared = 0;
        foreach (var s in small)
        {
            if (large.Contains(s))
            {
                shared++;
            }
        }

        return (double)shared / small.Count;
    }

    /// <summary>A hash of the normalized content (Unicode NFC, whitespace runs folded, trimmed): an article's identity.</summary>
    public static string ContentHash(string? title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 64);
        Fold(sb, title ?? "");
        sb.Append('\n');
        Fold(sb, text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString().Normalize(NormalizationForm.FormC))));

        static void Fold(StringBuilder sb, string s)
        {
            bool space = false;
            int start = sb.Length;
            foreach (char c in s)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = sb.Length > start;
                    continue;
                }

                if (space)
                {
                    sb.Append(' ');
                    space = false;
                }

                sb.Append(c);
            }
        }
    }

    private static ulong Mix(ulong x)
    {
        // splitmix64's finalizer.
        x = unchecked((x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94d049bb133111ebUL);
        return x ^ (x >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Hashes];
        ulong state = 0x7461_6c6c_7921UL; // fixed, so signatures are the same on every machine
        for (int i = 0; i < seeds.Length; i++)
        {
            state = unchecked(state + 0x9e3779b97f4a7c15UL);
            seeds[i] = Mix(state);
        }

        return seeds;
    }
}
