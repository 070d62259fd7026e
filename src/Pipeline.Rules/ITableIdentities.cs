using Pipeline.Model.Reports;
using Pipeline.Rules.InReport;

namespace Pipeline.Rules;

/// <summary>A rule that is a set of sum identities over a table; the reading of scans asks them which numbers the table confirms.</summary>
public interface ITableIdentities
{
    IEnumerable<SumIdentity> Identities(AnnualReport report);
}
