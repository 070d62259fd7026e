namespace Pipeline.Rules;

/// <summary>
/// One rule of the catalogue. It reports every hit it finds (never only the first) and says
/// so when the cells it needs are missing; severity and wording come from the rules file.
/// </summary>
public interface IRule
{
    string Id { get; }

    IEnumerable<RuleHit> Check(RuleContext context);
}
