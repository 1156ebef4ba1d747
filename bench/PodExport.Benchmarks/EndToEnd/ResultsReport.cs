using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// The markdown results file: machine facts, the tables, notes, and last the machine-readable headline lines
/// (<see cref="HeadlineKeys"/>), one per line, <c>n/a</c> where a figure could not be measured.
/// </summary>
public static class ResultsReport
{
    private const double MiB = 1024 * 1024;

    /// <summary>The keys of the closing lines, in order; the smoke test checks each is present.</summary>
    public static IReadOnlyList<string> HeadlineKeys { get; } =
    [
        "ratio export/floor",
        "ratio filtered/floor",
        "ratio store/v1pod",
        "ttfb-ms",
        "sync-s",
        "rss-growth-32-mb",
        "filter-mpods-per-s",
    ];

    public static string Render(E2eResults r)
    {
        var o = r.Options;
        var c = o.Clients;
        var sb = new StringBuilder();
        sb.AppendLine("# PodExport end-to-end benchmark");
        sb.AppendLine();
        sb.AppendLine(Inv($"Run `dotnet run -c Release --project bench/PodExport.Benchmarks -- e2e --pods {o.Pods}` (`--clients`, `--churn`, `--out`; see `--help`)."));
        sb.AppendLine();
        sb.AppendLine(Inv($"- Date: {r.StartedAt:yyyy-MM-dd HH:mm} UTC; run time {Num(r.Total?.TotalSeconds, "0")} s"));
        sb.AppendLine(Inv($"- Machine: {Environment.ProcessorCount} cores, {Num(MemoryTotal() / 1024.0 / MiB, "0.0")} GiB memory, {RuntimeInformation.OSDescription.Trim()}, load average at start {r.LoadAverageAtStart ?? "n/a"} (the cores are shared)"));
        sb.AppendLine(Inv($"- .NET: {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture}); gateway GC: {(r.GatewayServerGc is { } s ? (s ? "server" : "workstation") : "default of its runtimeconfig")}"));
        sb.AppendLine(Inv($"- Pods: {o.Pods} seeded (seed {o.Seed}), {Num(r.PodsInGateway, "0")} in the full export; churn {Num(o.Churn, "0.#")} events/s; {c} concurrent clients"));
        sb.AppendLine(Inv($"- Filtered query: `{r.FilteredQuery ?? "n/a"}`{(r.Filter is { } f ? Inv($" (matches {f.MatchFraction:P1} of the pods)") : "")}"));
        sb.AppendLine();

        sb.AppendLine("## Exports over loopback");
        sb.AppendLine();
        sb.AppendLine("The floor is the same bytes, pre-built, written by a plain Kestrel endpoint in 64 KB slices (its own process), read by the same client.");
        sb.AppendLine();
        sb.AppendLine("Server CPU is the serving process's own CPU time per export (from /proc), which the neighbours on shared cores do not inflate.");
        sb.AppendLine();
        sb.AppendLine("| Scenario | Server | Clients | Exports | Pods/export | MB/export | Pods/s | MB/s | TTFB p50 / p99 ms | Duration p50 / p99 ms | Server CPU ms/export |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var scenario in new[] { E2eResults.Full, E2eResults.Filtered })
        {
            foreach (var clients in new[] { 1, c })
            {
                foreach (var target in new[] { E2eResults.Gateway, E2eResults.Floor })
                {
                    if (r.Load(target, scenario, clients) is { } l)
                    {
                        sb.AppendLine(Inv($"| {scenario} | {target} | {clients} | {l.Samples.Count} | {l.PodsPerExport} | {l.BytesPerExport / 1e6:0.00} | {l.PodsPerSecond:#,0} | {l.MegabytesPerSecond:0} | {l.TtfbMs(50):0.0} / {l.TtfbMs(99):0.0} | {l.DurationMs(50):0} / {l.DurationMs(99):0} | {l.ServerCpuMsPerExport:0.0} |"));
                    }
                }

                if (c == 1)
                {
                    break;
                }
            }
        }

        sb.AppendLine();
        sb.AppendLine("## Headline figures");
        sb.AppendLine();
        sb.AppendLine("| Figure | Measured | Target |");
        sb.AppendLine("|---|---:|---|");
        Row(sb, "Full export / floor, 1 client", Num(r.Ratio(E2eResults.Full, 1), "0.00"), "≥ 0.8", Met(r.Ratio(E2eResults.Full, 1), v => v >= 0.8));
        Row(sb, Inv($"Full export / floor, {c} clients"), Num(r.Ratio(E2eResults.Full, c), "0.00"), "(reported)", null);
        Row(sb, "Full export / floor in server CPU per export, 1 client", Num(CpuRatio(r, E2eResults.Full, 1), "0.00"), "(reported; 1 = as cheap as the floor)", null);
        Row(sb, "Filtered export / floor of its bytes, 1 client", Num(r.Ratio(E2eResults.Filtered, 1), "0.00"), "≥ 0.8", Met(r.Ratio(E2eResults.Filtered, 1), v => v >= 0.8));
        Row(sb, Inv($"Filtered export / floor of its bytes, {c} clients"), Num(r.Ratio(E2eResults.Filtered, c), "0.00"), "(reported)", null);
        var ttfb = r.Load(E2eResults.Gateway, E2eResults.Full, 1)?.TtfbMs(50);
        Row(sb, "Time to first byte, full export, 1 client (p50)", Num(ttfb, "0.0") + " ms", "≤ 10 ms", Met(ttfb, v => v <= 10));
        Row(sb, "Initial sync (gateway launch → /readyz 200)", Num(r.Sync?.TotalSeconds, "0.00") + " s", "≤ 10 s", Met(r.Sync?.TotalSeconds, v => v <= 10));
        Row(sb, "… of which process start (→ /healthz answers)", Num(r.GatewayUp?.TotalSeconds, "0.00") + " s", "", null);
        Row(sb, "… gateway CPU time until synced", Num(r.SyncCpu?.TotalSeconds, "0.00") + " s", "", null);
        Row(sb, "Sync floor: every pod page fetched raw from the simulator", Num(r.ListFloor?.TotalSeconds, "0.00") + " s" + (r.ListBytes is { } lb ? Inv($" ({lb / 1e6:0} MB of JSON)") : ""), "", null);
        Row(sb, "Watch events applied during churn", Num(r.EventsAppliedPerSecond, "0.0") + " /s" + (r.EventsProducedPerSecond is { } p ? Inv($" (simulator wrote {p:0.0} /s)") : ""), "", null);
        var growth = r.ConcurrentMemory?.RssGrowth / MiB;
        Row(sb, Inv($"Gateway RSS growth during {c} concurrent full exports"), Num(growth, "0.0") + " MiB" + (r.ConcurrentMemory is { } m ? Inv($" ({m.RssBefore / MiB:0} → {m.RssPeak / MiB:0} MiB)") : ""), "≤ 32 MiB", Met(growth, v => v <= 32));
        Row(sb, Inv($"Gateway managed heap before → peak during {c} concurrent full exports"), r.ConcurrentMemory is { ManagedBefore: { } mb, ManagedPeak: { } mp } ? Inv($"{mb / MiB:0} → {mp / MiB:0} MiB") : "n/a (no GC metrics exposed)", "", null);
        Row(sb, "Gateway managed allocations per exported pod (full export)", Num(r.AllocatedBytesPerExportedPod, "0") + " B", "", null);
        Row(sb, "Gateway RSS after sync", r.GatewayRssAfterSync is { } rss ? Inv($"{rss / MiB:0} MiB ({(r.PodsInGateway is > 0 ? rss / 1024.0 / r.PodsInGateway.Value : double.NaN):0.0} KiB per pod)") : "n/a", "", null);
        Row(sb, "Gateway peak RSS until synced (VmHWM)", r.GatewayPeakRssBySync is > 0 ? Inv($"{r.GatewayPeakRssBySync.Value / MiB:0} MiB") : "n/a", "", null);
        Row(sb, "Gateway managed heap after sync (last GC)", r.GatewayManagedAfterSync is { } gm ? Inv($"{gm / MiB:0} MiB") + GatewayPerPod(r, gm) : "n/a (no GC metrics exposed)", "", null);
        Row(sb, "Store memory per pod (in-process)", Num(r.StoreMemory?.StoreBytesPerPod / 1024, "0.00") + " KiB" + (r.StoreMemory is { } sm ? Inv($", of which the pre-rendered line {sm.LineBytesPerPod / 1024:0.00} KiB") : ""), "", null);
        Row(sb, "V1Pod memory per pod (in-process dictionary)", Num(r.StoreMemory?.V1PodBytesPerPod / 1024, "0.00") + " KiB", "", null);
        Row(sb, "Store / V1Pod memory", Num(r.StoreMemory?.Ratio, "0.000"), "≤ 0.12", Met(r.StoreMemory?.Ratio, v => v <= 0.12));
        Row(sb, "Filter throughput (compiled two-clause query, 1 thread, per CPU second)", Num(r.Filter?.MillionPodsPerCpuSecond, "0.0") + " M pods/s" + (r.Filter is { } ft ? Inv($" ({ft.MillionPodsPerSecond:0.0} per wall second)") : ""), "≥ 20 M/s", Met(r.Filter?.MillionPodsPerCpuSecond, v => v >= 20));
        Row(sb, "… the same through PodQuery.Filter (prefetching)", Num(r.FilterPrefetch?.MillionPodsPerCpuSecond, "0.0") + " M pods/s" + (r.FilterPrefetch is { } fp ? Inv($" ({fp.MillionPodsPerSecond:0.0} per wall second)") : ""), "", null);
        sb.AppendLine();

        if (r.StoreBreakdown is { } b)
        {
            sb.AppendLine("## Store memory per pod, by part");
            sb.AppendLine();
            sb.AppendLine("Measured in the harness by letting go of one part at a time; a string shared by two parts counts in the part let go of last.");
            sb.AppendLine();
            sb.AppendLine("| Part | Bytes per pod |");
            sb.AppendLine("|---|---:|");
            sb.AppendLine(Inv($"| Store structures (pod dictionary, memory-cache entries of retained pods, order index, owner graph) | {b.PerPod(b.StoreStructures):0} |"));
            sb.AppendLine(Inv($"| `PodState` objects (with the history's dedup keys) | {b.PerPod(b.StateShells):0} |"));
            sb.AppendLine(Inv($"| `PodState.OwnerReferences` (the followed owner reference) | {b.PerPod(b.OwnerReferences):0} |"));
            sb.AppendLine(Inv($"| `PodState.Owner` (owner resolution, shared per first owner) | {b.PerPod(b.Owners):0} |"));
            sb.AppendLine(Inv($"| `PodRecord` itself, its identity strings and flattened lists | {b.PerPod(b.RecordRest):0} |"));
            sb.AppendLine(Inv($"| `PodRecord.Attributes` (labels, images, owner facts) | {b.PerPod(b.Attributes):0} |"));
            sb.AppendLine(Inv($"| `PodRecord.Line` (pre-rendered bytes, terminated history included) | {b.PerPod(b.Lines):0} |"));
            sb.AppendLine(Inv($"| Total | {b.PerPod(b.Total):0} |"));
            sb.AppendLine();
        }

        if (r.Notes.Count > 0)
        {
            sb.AppendLine("## Notes");
            sb.AppendLine();
            foreach (var note in r.Notes)
            {
                sb.AppendLine("- " + note);
            }

            sb.AppendLine();
        }

        sb.AppendLine("## Machine-readable");
        sb.AppendLine();
        sb.AppendLine(Inv($"ratio export/floor: {Num(r.Ratio(E2eResults.Full, 1), "0.00")}"));
        sb.AppendLine(Inv($"ratio filtered/floor: {Num(r.Ratio(E2eResults.Filtered, 1), "0.00")}"));
        sb.AppendLine(Inv($"ratio store/v1pod: {Num(r.StoreMemory?.Ratio, "0.000")}"));
        sb.AppendLine(Inv($"ttfb-ms: {Num(ttfb, "0.0")}"));
        sb.AppendLine(Inv($"sync-s: {Num(r.Sync?.TotalSeconds, "0.00")}"));
        sb.AppendLine(Inv($"rss-growth-32-mb: {Num(growth, "0.0")}"));
        sb.AppendLine(Inv($"filter-mpods-per-s: {Num(r.Filter?.MillionPodsPerCpuSecond, "0.0")}"));
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string figure, string measured, string target, bool? met) =>
        sb.AppendLine($"| {figure} | {measured} | {target}{(met is { } ok ? ok ? " ✓" : " ✗ missed" : "")} |");

    /// <summary>The gateway's whole heap per pod, and against the V1Pod dictionary: the store plus whatever else the process keeps per pod.</summary>
    private static string GatewayPerPod(E2eResults r, double heap) =>
        r.PodsInGateway is > 0 && r.StoreMemory is { } m
            ? Inv($" ({heap / r.PodsInGateway.Value / 1024:0.0} KiB per pod, {heap / r.PodsInGateway.Value / m.V1PodBytesPerPod:0.00}× the V1Pod dictionary)")
            : "";

    /// <summary>Floor CPU per export over gateway CPU per export: the export's efficiency against the floor's.</summary>
    private static double? CpuRatio(E2eResults r, string scenario, int clients) =>
        r.Load(E2eResults.Gateway, scenario, clients) is { ServerCpu.Ticks: > 0 } g && r.Load(E2eResults.Floor, scenario, clients) is { } f
            ? f.ServerCpuMsPerExport / g.ServerCpuMsPerExport
            : null;

    private static bool? Met(double? value, Func<double, bool> target) =>
        value is { } v && !double.IsNaN(v) ? target(v) : null;

    private static string Num(double? value, string format) =>
        value is { } v && !double.IsNaN(v) && !double.IsInfinity(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Num(long? value, string format) => Num((double?)value, format);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double MemoryTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? double.NaN : double.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        }
    }
}
