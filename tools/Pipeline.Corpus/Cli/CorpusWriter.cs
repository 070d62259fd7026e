using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Corpus.Rendering;
using Pipeline.Corpus.Truth;
using Pipeline.Model.Reports;

namespace Pipeline.Corpus.Cli;

/// <summary>
/// Writes renderings with their truth beside them (same base name, .truth.json), and an
/// index.tsv of everything written, for benchmarks to iterate over.
/// </summary>
public sealed class CorpusWriter(string root)
{
    private readonly List<string> _index = ["file\ttruth\tyear\tvintage\texpectedVerdict\texpectedRules"];
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    public int FileCount => _written.Count;

    public void Write(string baseName, ReportTruth truth, IEnumerable<RenderFormat> formats)
    {
        foreach (var format in formats)
        {
            var file = baseName + format.Suffix();
            var truthFile = file[..file.LastIndexOf('.')] + ".truth.json";
            Save(file, Renderings.Render(truth, format));
            Save(truthFile, Renderings.Json(truth));
            _index.Add(string.Join(
                '\t',
                file,
                truthFile,
                truth.Year.ToString(CultureInfo.InvariantCulture),
                truth.Vintage.Key(),
                JsonSerializer.Serialize(truth.ExpectedVerdict).Trim('"'),
                string.Join(',', truth.ExpectedRules)));
        }
    }

    public void WriteIndex() => Save("index.tsv", new UTF8Encoding(false).GetBytes(string.Join('\n', _index) + "\n"));

    private void Save(string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        _written.Add(relative);
    }
}
