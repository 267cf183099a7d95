using System.Collections.Concurrent;

namespace QueueLoad.Clients;

/// <summary>What one watcher (a hub client or a page) saw: the first time of each key, and how often a key came again.</summary>
internal sealed class Sightings
{
    public ConcurrentDictionary<string, double> First { get; } = new();
    private int repeats;
    private int disconnects;

    public int Repeats => Volatile.Read(ref repeats);
    public int Disconnects => Volatile.Read(ref disconnects);

    public void Saw(string key)
    {
        if (!First.TryAdd(key, Clock.NowMs()))
            Interlocked.Increment(ref repeats);
    }

    public void Disconnected() => Interlocked.Increment(ref disconnects);
}
