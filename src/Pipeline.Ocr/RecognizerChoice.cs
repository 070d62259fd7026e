namespace Pipeline.Ocr;

/// <summary>Which engine reads scanned lines and cells: PIPELINE_RECOGNIZER=paddle (the default) or tesseract.</summary>
public enum RecognizerKind
{
    Paddle,
    Tesseract,
}

public static class RecognizerChoice
{
    public const string Variable = "PIPELINE_RECOGNIZER";

    /// <summary>The configured recogniser.</summary>
    /// <exception cref="OcrUnavailableException">The variable names no recogniser this program has.</exception>
    public static RecognizerKind FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(Variable)?.Trim();
        return value switch
        {
            null or "" or "paddle" => RecognizerKind.Paddle,
            "tesseract" => RecognizerKind.Tesseract,
            _ => throw new OcrUnavailableException($"环境变量 {Variable} 的值“{value}”无效：只能是 paddle（默认）或 tesseract。"),
        };
    }

    /// <summary>
    /// The recogniser chosen, ready to read: the Paddle models are loaded now, so that missing models stop
    /// the program at start-up rather than at its first scan.
    /// </summary>
    public static ITextRecognizer Create(RecognizerKind kind, EnginePool pool) => kind switch
    {
        RecognizerKind.Tesseract => new TesseractRecognizer(pool),
        _ => PaddleRecognizer.Shared(),
    };
}
