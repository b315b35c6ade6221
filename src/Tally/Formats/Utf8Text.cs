using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Tally.Formats;

/// <summary>Checks and decodes UTF-8 input, saying where it is broken.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The offset of the first byte that is not valid UTF-8, or -1.</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return -1;
        }

        int offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed);
            if (status != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    /// <summary>The bytes without a leading UTF-8 byte-order mark.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("\xEF\xBB\xBF"u8) ? bytes[3..] : bytes;

    /// <summary>Decodes bytes already known to be valid.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => s_strict.GetString(bytes);

    /// <summary>Describes an invalid byte for a problem report.</summary>
    public static string Describe(ReadOnlySpan<byte> bytes, int offset) =>
        $"invalid UTF-8 (byte 0x{bytes[offset]:X2} at byte {offset + 1} of the record); is the file in another encoding?";
}
