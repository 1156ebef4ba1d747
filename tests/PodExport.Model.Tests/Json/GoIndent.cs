using System.Text;

namespace PodExport.Model.Tests.Json;

/// <summary>
/// Test oracle: Go's encoding/json Indent(dst, src, prefix "", indent "  ") for compact, valid input, following
/// indent.go step by step (delayed indent so that empty objects and arrays stay <c>{}</c> and <c>[]</c>).
/// </summary>
internal static class GoIndent
{
    public static byte[] Indent(ReadOnlySpan<byte> compact)
    {
        var output = new List<byte>(compact.Length * 2);
        var needIndent = false;
        var depth = 0;
        var inString = false;
        var escaped = false;
        foreach (var c in compact)
        {
            if (inString)
            {
                output.Add(c);
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (needIndent && c != '}' && c != ']')
            {
                needIndent = false;
                depth++;
                NewLine(output, depth);
            }

            switch (c)
            {
                case (byte)'{' or (byte)'[':
                    needIndent = true;
                    output.Add(c);
                    break;
                case (byte)',':
                    output.Add(c);
                    NewLine(output, depth);
                    break;
                case (byte)':':
                    output.Add(c);
                    output.Add((byte)' ');
                    break;
                case (byte)'}' or (byte)']':
                    if (needIndent)
                    {
                        needIndent = false;
                    }
                    else
                    {
                        depth--;
                        NewLine(output, depth);
                    }

                    output.Add(c);
                    break;
                case (byte)'"':
                    inString = true;
                    output.Add(c);
                    break;
                default:
                    output.Add(c);
                    break;
            }
        }

        return [.. output];
    }

    public static string Indent(string compact) => Encoding.UTF8.GetString(Indent(Encoding.UTF8.GetBytes(compact)));

    private static void NewLine(List<byte> output, int depth)
    {
        output.Add((byte)'\n');
        for (var i = 0; i < depth; i++)
        {
            output.Add((byte)' ');
            output.Add((byte)' ');
        }
    }
}
