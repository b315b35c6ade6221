using System.Text;
using Tally.Formats;

namespace Tally.Tests.Formats;

/// <summary>A temporary folder and helpers to read files written into it.</summary>
public abstract class ReaderTestBase : IDisposable
{
    protected ReaderTestBase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "tally-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    protected string Folder { get; }

    protected List<ReadProblem> Problems { get; } = [];

    protected string Write(string name, string content) => WriteBytes(name, Encoding.UTF8.GetBytes(content));

    protected string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    protected List<Article> Read(params string[] inputs) => Read(new ReaderOptions(), inputs);

    protected List<Article> Read(ReaderOptions options, params string[] inputs) =>
        ArticleInput.Read(inputs, options with { OnProblem = Problems.Add }).ToList();

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
