using PodExport.Model.Records;

namespace PodExport.Query.Compilation;

/// <summary><c>Container Restarts</c>: the pod's total restart count lies in the interval.</summary>
internal sealed class RestartCountPredicate(NumberInterval interval) : PodPredicate
{
    private readonly NumberInterval _interval = interval;

    public override bool Matches(PodRecord pod) => _interval.Contains(pod.Attributes.RestartCount);
}

/// <summary><c>Exit Code</c>: some terminated instance's exit code lies in the interval .</summary>
internal sealed class ExitCodePredicate(NumberInterval interval) : PodPredicate
{
    private readonly NumberInterval _interval = interval;

    public override bool Matches(PodRecord pod)
    {
        foreach (var code in pod.ExitCodes)
        {
            if (_interval.Contains(code))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary><c>Exit Code:*</c> / <c>Exit Code:-</c>: the pod has (or has no) terminated instance.</summary>
internal sealed class ExitCodePresencePredicate(bool present) : PodPredicate
{
    private readonly bool _present = present;

    public override bool Matches(PodRecord pod) => (pod.ExitCodes.Length > 0) == _present;
}

/// <summary><c>Pod Deleted</c>: the retained-deleted flag equals the value .</summary>
internal sealed class DeletedPredicate(bool deleted) : PodPredicate
{
    private readonly bool _deleted = deleted;

    public override bool Matches(PodRecord pod) => pod.Attributes.Deleted == _deleted;
}
