namespace Pipeline.Review;

/// <summary>
/// The person looking: the machine's operator (one machine: every office), a supervisor (the offices
/// under the ones named), or a clerk (their own office only, and no decisions).
/// </summary>
public sealed record Reviewer(string Name, ReviewerRole Role, IReadOnlySet<string> Offices)
{
    public static Reviewer Operator(string name) => new(name, ReviewerRole.Operator, new HashSet<string>());

    public bool MayDecide => Role is ReviewerRole.Operator or ReviewerRole.Supervisor;
}

public enum ReviewerRole
{
    Operator,
    Supervisor,
    Clerk,
}
