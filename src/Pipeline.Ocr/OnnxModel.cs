using Microsoft.ML.OnnxRuntime;

namespace Pipeline.Ocr;

/// <summary>
/// One ONNX model loaded once and run by any thread: ONNX Runtime's Run is thread-safe on one session.
/// Pages are already read side by side, one per core, so on two cores each run keeps to one thread; with
/// many cores the cores left over by the page readers go to each run.
/// </summary>
internal sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession session;
    private readonly string input;

    public OnnxModel(string path)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = IntraOpThreads(Environment.ProcessorCount),
            InterOpNumThreads = 1,
        };
        // A spinning worker thread burns a core the other page reader (or another process) could use.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        try
        {
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OcrUnavailableException($"无法加载识别模型 {Path.GetFileName(path)}：{e.Message}。请运行 {PaddleModels.InstallCommand} 重新安装。", e);
        }

        input = session.InputMetadata.Keys.First();
    }

    /// <summary>Threads for one run: one while pages are read one per core (up to four at once), the rest of the cores beyond that.</summary>
    internal static int IntraOpThreads(int cores) => cores <= 4 ? 1 : Math.Min(4, cores / 4);

    /// <summary>Runs the model on one float tensor; the first output's values and shape.</summary>
    public (float[] Values, long[] Shape) Run(float[] data, long[] shape)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(data, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [input], [value], session.OutputNames);
        var output = outputs[0];
        return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
    }

    public void Dispose() => session.Dispose();
}
