namespace Postmortem.Store;

/// <summary>A file's size and last write time: when both are as the index stored them, the file is taken as unchanged without reading it.</summary>
/// <param name="Length">Size in bytes.</param>
/// <param name="Ticks">Last write time, UTC ticks.</param>
internal readonly record struct FileStamp(long Length, long Ticks)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks);
    }
}
