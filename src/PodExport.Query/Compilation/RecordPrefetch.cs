using PodExport.Model.Records;

namespace PodExport.Query.Compilation;

/// <summary>
/// The three stages of prefetching what a predicate reads, each run on a record a different distance ahead: the
/// record itself; then the objects it points to (fetched one stage ago); then the strings and maps those point to.
/// </summary>
internal static class RecordPrefetch
{
    /// <summary>How many pods apart the stages run.</summary>
    public const int Distance = 8;

    /// <summary>Prefetches for the pods <see cref="Distance"/>, 2× and 3× ahead of <paramref name="index"/>.</summary>
    public static void Ahead(ReadOnlySpan<PodRecord> pods, int index, PodObjects reads)
    {
        if (index + (3 * Distance) < pods.Length)
        {
            Record(pods[index + (3 * Distance)]);
        }

        if (index + (2 * Distance) < pods.Length)
        {
            Objects(pods[index + (2 * Distance)], reads);
        }

        if (index + Distance < pods.Length && ReadsStrings(reads))
        {
            Strings(pods[index + Distance], reads);
        }
    }

    public static void Record(PodRecord record) => Prefetch.Object(record);

    public static void Objects(PodRecord record, PodObjects reads)
    {
        if ((reads & PodObjects.Attributes) != 0)
        {
            Prefetch.Object(record.Attributes);
        }

        if ((reads & PodObjects.ContainerNames) != 0)
        {
            Prefetch.Object(record.ContainerNames);
        }

        if ((reads & PodObjects.LiveImageDigests) != 0)
        {
            Prefetch.Object(record.LiveImageDigests);
        }

        if ((reads & PodObjects.ExitCodes) != 0)
        {
            Prefetch.Object(record.ExitCodes);
        }

        if ((reads & PodObjects.TerminationReasons) != 0)
        {
            Prefetch.Object(record.TerminationReasons);
        }
    }

    /// <summary>Whether <see cref="Strings"/> has anything to fetch for a predicate reading <paramref name="reads"/>.</summary>
    public static bool ReadsStrings(PodObjects reads) =>
        (reads & (PodObjects.Name | PodObjects.Namespace | PodObjects.Labels | PodObjects.OwnerLabels)) != 0;

    public static void Strings(PodRecord record, PodObjects reads)
    {
        if (!ReadsStrings(reads))
        {
            return;
        }

        if ((reads & PodObjects.Namespace) != 0)
        {
            Prefetch.Object(record.Namespace);
        }

        if ((reads & PodObjects.Name) != 0)
        {
            Prefetch.Object(record.Name);
        }

        if ((reads & PodObjects.Labels) != 0)
        {
            Prefetch.Object(record.Attributes.Labels);
        }

        if ((reads & PodObjects.OwnerLabels) != 0)
        {
            Prefetch.Object(record.Attributes.OwnerLabels);
        }
    }
}
