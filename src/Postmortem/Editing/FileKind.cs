namespace Postmortem.Editing;

/// <summary>The kinds of file the output writer tells apart.</summary>
internal enum FileKind
{
    /// <summary>A regular file: rewritten atomically.</summary>
    Regular,

    /// <summary>A directory: never an output.</summary>
    Directory,

    /// <summary>A symbolic link: its target is what is written.</summary>
    SymbolicLink,

    /// <summary>A character or block device, a FIFO or a socket: written through, never replaced.</summary>
    Special,
}
