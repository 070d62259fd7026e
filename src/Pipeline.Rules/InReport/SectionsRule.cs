using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>DOC-SECTIONS: all six sections are present, in order.</summary>
public sealed class SectionsRule : IRule
{
    public string Id => "DOC-SECTIONS";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        var found = context.Report.Sections;
        var missing = SectionSchema.Sections.Where(s => found.All(f => f.Key != s.Key)).ToList();
        if (missing.Count > 0)
        {
            yield return RuleHit.Message(RuleHit.Default, [], ("sections", string.Join("、", missing.Select(s => $"“{s.Heading}”"))));
        }

        var order = SectionSchema.Sections.Select(s => s.Key).ToList();
        var misplaced = found.Where((s, i) => i > 0 && order.IndexOf(s.Key) < order.IndexOf(found[i - 1].Key)).ToList();
        if (misplaced.Count > 0)
        {
            yield return RuleHit.Message("order", [], ("sections", string.Join("、", misplaced.Select(s => $"“{s.Heading}”"))));
        }
    }
}
