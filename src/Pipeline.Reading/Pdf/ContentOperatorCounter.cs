namespace Pipeline.Reading.Pdf;

/// <summary>
/// Counts the operators of a page's decoded content stream as it streams past, without holding it: path
/// construction (m l c v y re h) and all operators. Strings and inline image data are not told apart from
/// operators, which can only overcount, and only for pages far from any limit.
/// </summary>
internal sealed class ContentOperatorCounter(PdfLimits limits)
{
    private static readonly HashSet<string> PathOperators = ["m", "l", "c", "v", "y", "re", "h"];

    private readonly char[] _token = new char[8];
    private int _length;
    private bool _overlong;

    public long PathSegments { get; private set; }

    public long Operators { get; private set; }

    public bool OverLimit => PathSegments > limits.MaxPathSegmentsPerPage || Operators > limits.MaxOperatorsPerPage;

    /// <summary>Reads until the end or until a limit is passed; false when a limit was passed (the tool is then stopped).</summary>
    public bool Consume(Stream stream)
    {
        var buffer = new byte[65536];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0 or (byte)'[' or (byte)']' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'/')
                {
                    EndToken();
                }
                else if (_length < _token.Length)
                {
                    _token[_length++] = (char)b;
                }
                else
                {
                    _overlong = true;
                }
            }

            if (OverLimit)
            {
                return false;
            }
        }

        EndToken();
        return !OverLimit;
    }

    private void EndToken()
    {
        if (_length > 0 && !_overlong && char.IsAsciiLetter(_token[0]) || _length > 0 && _token[0] is '\'' or '"' or '*')
        {
            Operators++;
            if (_length <= 2 && PathOperators.Contains(new string(_token, 0, _length)))
            {
                PathSegments++;
            }
        }

        _length = 0;
        _overlong = false;
    }
}
