namespace Tally.Formats;

/// <summary>
/// Tells which files of a folder are ready to read: new or changed since they were last taken, and no longer being
/// written.
/// </summary>
/// <remarks>
/// <para>A file is known by its path, length and last write time. The files present at the first look are ready at
/// once (they were there before the watch began); a file that appears or changes later is ready at the first look
/// that finds it as the look before found it, so a file still being copied is not read half-written. An empty file waits until it has content. Only the files
/// <see cref="ArticleInput"/> reads from a folder are considered, in ordinal order of their paths.</para>
/// <para>Not thread-safe: one watcher, one loop.</para>
/// </remarks>
public sealed class FolderWatch
{
    private readonly string _folder;
    private readonly Dictionary<string, (long Length, DateTime Written)> _lastLook = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Length, DateTime Written)> _taken = new(StringComparer.Ordinal);
    private bool _first = true;

    /// <summary>Watches <paramref name="folder"/> (and its subfolders).</summary>
    public FolderWatch(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        _folder = folder;
    }

    /// <summary>Looks at the folder once; returns the files ready to read and counts them as taken.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder is gone.</exception>
    public IReadOnlyList<string> Ready()
    {
        var now = new Dictionary<string, (long Length, DateTime Written)>(StringComparer.Ordinal);
        foreach (var path in ArticleInput.FilesOf(_folder, InputFormat.Auto))
        {
            try
            {
                var info = new FileInfo(path);
                now[path] = (info.Length, info.LastWriteTimeUtc);
            }
            catch (IOException)
            {
                // Gone between the listing and the look: the next look decides.
            }
        }

        var ready = new List<string>();
        foreach (var (path, state) in now)
        {
            bool changed = !_taken.TryGetValue(path, out var taken) || taken != state;
            bool settled = state.Length > 0 && (_first || (_lastLook.TryGetValue(path, out var before) && before == state));
            if (changed && settled)
            {
                ready.Add(path);
                _taken[path] = state;
            }
        }

        _lastLook.Clear();
        foreach (var (path, state) in now)
        {
            _lastLook[path] = state;
        }

        _first = false;
        ready.Sort(StringComparer.Ordinal);
        return ready;
    }
}
