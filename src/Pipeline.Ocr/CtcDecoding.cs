namespace Pipeline.Ocr;

/// <summary>
/// Greedy CTC decoding of PP-OCR's recognition output (time steps × classes, already softmaxed): the most
/// likely class at each step, repeats merged, blanks (class 0) dropped. Class i is the keys file's line i,
/// and the last class is a space. A character's confidence is the highest probability over its run of steps;
/// the line's is the mean of its characters', as PaddleOCR gives it.
/// </summary>
internal sealed class CtcDecoding(IReadOnlyList<string> characters)
{
    public static CtcDecoding FromKeys(string keysPath)
    {
        var keys = File.ReadAllLines(keysPath);
        return new CtcDecoding([.. keys, " "]);
    }

    /// <summary>Classes the output has: blank, the characters.</summary>
    public int Classes => characters.Count + 1;

    /// <summary>The classes that may be read: blank and <paramref name="allowed"/>'s characters.</summary>
    public bool[] Mask(string allowed)
    {
        var mask = new bool[Classes];
        mask[0] = true;
        for (var i = 0; i < characters.Count; i++)
        {
            mask[i + 1] = characters[i].Length == 1 && allowed.Contains(characters[i][0], StringComparison.Ordinal);
        }

        return mask;
    }

    /// <param name="mask">With it, the most likely class of those it allows: a restricted reading, as Tesseract's whitelist is.</param>
    public LineReading Decode(ReadOnlySpan<float> probabilities, int steps, int classes, double pixelsPerStep, bool[]? mask = null)
    {
        if (classes != Classes)
        {
            throw new InvalidOperationException($"识别模型输出 {classes} 类，字符表有 {Classes} 类：模型与字符表不配套。");
        }

        var read = new List<CharReading>();
        var previous = 0;
        var first = 0;
        var best = 0f;
        for (var t = 0; t <= steps; t++)
        {
            var (label, probability) = t < steps ? Argmax(probabilities.Slice(t * classes, classes), mask) : (0, 0f);
            if (label == previous && t < steps)
            {
                best = Math.Max(best, probability);
                continue;
            }

            if (previous != 0)
            {
                read.Add(new CharReading(characters[previous - 1], best, (first + t) / 2.0 * pixelsPerStep));
            }

            (previous, first, best) = (label, t, probability);
        }

        var text = string.Concat(read.Select(c => c.Text)).Trim();
        var kept = read.Where(c => c.Text != " ").ToList();
        return text.Length == 0 ? LineReading.Nothing : new LineReading(text, kept.Average(c => c.Confidence), kept);
    }

    private static (int Label, float Probability) Argmax(ReadOnlySpan<float> row, bool[]? mask)
    {
        var label = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (row[c] > row[label] && (mask is null || mask[c]))
            {
                label = c;
            }
        }

        return (label, row[label]);
    }
}
