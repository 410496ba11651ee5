namespace InfoTheory.Orleans;

/// <summary>
/// The progress of a cluster job, reported once per finished work item (block, chunk or target), synchronously and in
/// order on the thread that stored the item's result; keep the handler short, since the next report waits for it.
/// </summary>
/// <param name="Done">Work items whose result has been written; rises by one per report, each item counted once.</param>
/// <param name="Total">All work items of the job.</param>
/// <param name="Retries">Attempts that failed on a silo and were handed to another so far.</param>
public readonly record struct ClusterProgress(int Done, int Total, int Retries);
