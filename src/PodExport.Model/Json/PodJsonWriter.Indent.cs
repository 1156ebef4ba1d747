namespace PodExport.Model.Json;

// The pretty form from the compact bytes, so the store need keep only the compact line (export-api W-25).
public static partial class PodJsonWriter
{
    private const int IndentWidth = 2;

    /// <summary>
    /// Go's json.Indent(prefix "", indent "  ") of a compact line such as <see cref="RenderLine(Wire.Pod)"/> returns: a new
    /// line break and indentation after <c>{</c>, <c>[</c> and <c>,</c>, a space after <c>:</c>, and empty objects
    /// and arrays kept as <c>{}</c> and <c>[]</c>. String contents are copied unchanged; a trailing <c>\n</c> stays
    /// the last byte. The input must be compact, valid JSON (as every rendered line is).
    /// </summary>
    public static byte[] IndentLine(ReadOnlySpan<byte> compactLine)
    {
        var length = Indent(compactLine, []);
        var result = GC.AllocateUninitializedArray<byte>(length);
        Indent(compactLine, result);
        return result;
    }

    /// <summary>Writes the indented form into <paramref name="output"/> unless it is empty; returns its length.</summary>
    private static int Indent(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var write = !output.IsEmpty;
        var position = 0;
        var depth = 0;
        var needIndent = false;
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c == '"')
            {
                var end = StringEnd(input, i);
                if (needIndent)
                {
                    needIndent = false;
                    depth++;
                    position = NewLine(output, position, depth, write);
                }

                if (write)
                {
                    input[i..end].CopyTo(output[position..]);
                }

                position += end - i;
                i = end;
                continue;
            }

            if (needIndent && c != '}' && c != ']')
            {
                needIndent = false;
                depth++;
                position = NewLine(output, position, depth, write);
            }

            switch (c)
            {
                case (byte)'{' or (byte)'[':
                    needIndent = true;
                    position = Put(output, position, c, write);
                    break;
                case (byte)',':
                    position = Put(output, position, c, write);
                    position = NewLine(output, position, depth, write);
                    break;
                case (byte)':':
                    position = Put(output, position, c, write);
                    position = Put(output, position, (byte)' ', write);
                    break;
                case (byte)'}' or (byte)']':
                    if (needIndent)
                    {
                        // An empty object or array stays on one line.
                        needIndent = false;
                    }
                    else
                    {
                        depth--;
                        position = NewLine(output, position, depth, write);
                    }

                    position = Put(output, position, c, write);
                    break;
                default:
                    position = Put(output, position, c, write);
                    break;
            }

            i++;
        }

        return position;
    }

    /// <summary>The index just past the closing quote of the string that starts at <paramref name="start"/>.</summary>
    private static int StringEnd(ReadOnlySpan<byte> input, int start)
    {
        var i = start + 1;
        while (i < input.Length)
        {
            var c = input[i];
            if (c == '\\')
            {
                i += 2;
            }
            else if (c == '"')
            {
                return i + 1;
            }
            else
            {
                i++;
            }
        }

        return input.Length;
    }

    private static int Put(Span<byte> output, int position, byte c, bool write)
    {
        if (write)
        {
            output[position] = c;
        }

        return position + 1;
    }

    private static int NewLine(Span<byte> output, int position, int depth, bool write)
    {
        var width = 1 + (depth * IndentWidth);
        if (write)
        {
            output[position] = (byte)'\n';
            output.Slice(position + 1, depth * IndentWidth).Fill((byte)' ');
        }

        return position + width;
    }
}
