using Pipeline.Storage;

namespace Pipeline.Review;

/// <summary>The offices a reviewer may see: an office is under a parent when the parent is on its chain of parents.</summary>
public sealed class OfficeScope(Reviewer reviewer, IReadOnlyList<Office> registry)
{
    private readonly Dictionary<string, Office> _byCode = registry.GroupBy(o => o.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public Reviewer Reviewer => reviewer;

    public IReadOnlyList<Office> Registry => registry;

    public bool Everything => reviewer.Role == ReviewerRole.Operator;

    public Office? Find(string code) => _byCode.GetValueOrDefault(code);

    public string NameOf(string code) => Find(code)?.Name ?? code;

    public bool CanSee(string office) => reviewer.Role switch
    {
        ReviewerRole.Operator => true,
        ReviewerRole.Clerk => reviewer.Offices.Contains(office),
        _ => reviewer.Offices.Any(root => IsUnder(office, root)),
    };

    public bool CanDecide(string office) => reviewer.MayDecide && CanSee(office);

    /// <summary>True when <paramref name="office"/> is <paramref name="root"/> or lies under it.</summary>
    public bool IsUnder(string office, string root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var code = office; code is not null && seen.Add(code); code = Find(code)?.Parent)
        {
            if (code == root)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The registry's offices this reviewer sees, under <paramref name="root"/> when given.</summary>
    public IEnumerable<string> Visible(string? root) =>
        registry.Select(o => o.Code).Where(c => CanSee(c) && (root is null || IsUnder(c, root)));
}
