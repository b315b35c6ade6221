using System.Buffers;

namespace Tally.Formats;

/// <summary>One CSV record: its fields, or why it could not be read.</summary>
/// <param name="Fields">The decoded fields; empty when <paramref name="Error"/> is set.</param>
/// <param name="Line">The line (from 1) where the record starts.</param>
/// <param name="Error">Why the record is malformed, or <c>null</c>.</param>
internal readonly record struct CsvRecord(string[] Fields, int Line, string? Error);

/// <summary>
/// Reads RFC 4180 CSV records from bytes: quoted fields may hold commas, doubled quotes and line breaks.
/// </summary>
/// <remarks>
/// <para>Each record's bytes are checked for valid UTF-8 on their own, so one badly encoded row costs one row.
/// Characters after a closing quote other than a comma or a line break make the record malformed; so does a
/// quoted field still open at the end of the input. In that last case the reader, if the stream can seek, goes back
/// to the line after the one where the broken record started and reads on from there, so that the records after a
/// stray quote are not lost.</para>
/// </remarks>
internal sealed class CsvRecordReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _pos;
    private int _end;
    private long _bufferOffset; // stream offset of _buffer[0]
    private bool _eof;
    private int _line = 1;
    private bool _first = true;

    private byte[] _record = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _recordLength;
    private readonly List<(int Start, int Length, bool Quoted)> _fields = [];

    public CsvRecordReader(Stream stream) => _stream = stream;

    /// <summary>Reads the next record; false at the end of the input.</summary>
    public bool TryRead(out CsvRecord record)
    {
        while (true)
        {
            if (!EnsureData())
            {
                record = default;
                return false;
            }

            if (_first)
            {
                _first = false;
                if (_end - _pos >= 3 && _buffer[_pos] == 0xEF && _buffer[_pos + 1] == 0xBB && _buffer[_pos + 2] == 0xBF)
                {
                    _pos += 3;
                }
            }

            int startLine = _line;
            long startOffset = _bufferOffset + _pos;
            long firstNewline = -1;
            string? error = ParseRecord(ref firstNewline);
            if (error == "blank")
            {
                continue; // an empty line between records
            }

            if (error == "unterminated")
            {
                error = $"a quoted field opened on line {startLine} is never closed";
                if (firstNewline >= 0 && _stream.CanSeek)
                {
                    Rewind(firstNewline + 1, startLine + 1);
                }
            }

            if (error is not null)
            {
                record = new CsvRecord([], startLine, error);
                return true;
            }

            var bytes = _record.AsSpan(0, _recordLength);
            int bad = Utf8Text.FirstInvalidByte(bytes);
            if (bad >= 0)
            {
                record = new CsvRecord([], startLine, Utf8Text.Describe(bytes, bad));
                return true;
            }

            var fields = new string[_fields.Count];
            for (int f = 0; f < fields.Length; f++)
            {
                var (start, length, quoted) = _fields[f];
                var s = Utf8Text.Decode(bytes.Slice(start, length));
                fields[f] = quoted && s.Contains("\"\"", StringComparison.Ordinal) ? s.Replace("\"\"", "\"", StringComparison.Ordinal) : s;
            }

            record = new CsvRecord(fields, startLine, null);
            return true;
        }
    }

    /// <summary>Parses one record into <see cref="_record"/> and <see cref="_fields"/>; returns an error, "blank", or null.</summary>
    private string? ParseRecord(ref long firstNewline)
    {
        _recordLength = 0;
        _fields.Clear();
        string? error = null;
        bool blank = true;
        while (true)
        {
            // Start of a field.
            if (!EnsureData())
            {
                if (blank)
                {
                    return "blank";
                }

                _fields.Add((_recordLength, 0, false));
                return error;
            }

            blank = false;
            int fieldStart = _recordLength;
            if (_buffer[_pos] == (byte)'"')
            {
                _pos++;
                // Quoted field: up to the closing quote; "" is a literal quote (unescaped when decoded).
                while (true)
                {
                    if (!EnsureData())
                    {
                        return "unterminated";
                    }

                    byte b = _buffer[_pos++];
                    if (b == (byte)'"')
                    {
                        if (EnsureData() && _buffer[_pos] == (byte)'"')
                        {
                            Append(b);
                            Append(b);
                            _pos++;
                            continue;
                        }

                        break;
                    }

                    if (b == (byte)'\n')
                    {
                        if (firstNewline < 0)
                        {
                            firstNewline = _bufferOffset + _pos - 1;
                        }

                        _line++;
                    }

                    Append(b);
                }

                _fields.Add((fieldStart, _recordLength - fieldStart, true));

                // After the closing quote: a comma, a line break or the end.
                bool stray = false;
                while (EnsureData())
                {
                    byte b = _buffer[_pos];
                    if (b == (byte)',' || b == (byte)'\n')
                    {
                        break;
                    }

                    if (b != (byte)'\r')
                    {
                        stray = true;
                    }

                    _pos++;
                }

                if (stray)
                {
                    error ??= $"characters after the closing quote of field {_fields.Count}";
                }

                if (!EnsureData())
                {
                    return error;
                }

                byte sep = _buffer[_pos++];
                if (sep == (byte)'\n')
                {
                    _line++;
                    return error;
                }

                continue;
            }

            // Unquoted field: up to a comma or a line break.
            while (true)
            {
                if (!EnsureData())
                {
                    _fields.Add((fieldStart, TrimCr(fieldStart), false));
                    return error;
                }

                byte b = _buffer[_pos++];
                if (b == (byte)',')
                {
                    _fields.Add((fieldStart, _recordLength - fieldStart, false));
                    break;
                }

                if (b == (byte)'\n')
                {
                    _line++;
                    if (_fields.Count == 0 && TrimCr(fieldStart) == 0)
                    {
                        return "blank";
                    }

                    _fields.Add((fieldStart, TrimCr(fieldStart), false));
                    return error;
                }

                Append(b);
            }
        }
    }

    private int TrimCr(int fieldStart)
    {
        int length = _recordLength - fieldStart;
        return length > 0 && _record[_recordLength - 1] == (byte)'\r' ? length - 1 : length;
    }

    private void Append(byte b)
    {
        if (_recordLength == _record.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_record.Length * 2);
            Buffer.BlockCopy(_record, 0, bigger, 0, _recordLength);
            ArrayPool<byte>.Shared.Return(_record);
            _record = bigger;
        }

        _record[_recordLength++] = b;
    }

    private bool EnsureData()
    {
        if (_pos < _end)
        {
            return true;
        }

        if (_eof)
        {
            return false;
        }

        _bufferOffset += _end;
        _pos = 0;
        _end = _stream.Read(_buffer, 0, _buffer.Length);
        if (_end == 0)
        {
            _eof = true;
            return false;
        }

        return true;
    }

    private void Rewind(long offset, int line)
    {
        _stream.Seek(offset, SeekOrigin.Begin);
        _bufferOffset = offset;
        _pos = 0;
        _end = 0;
        _eof = false;
        _line = line;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        ArrayPool<byte>.Shared.Return(_record);
        _buffer = [];
        _record = [];
    }
}
