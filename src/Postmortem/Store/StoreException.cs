namespace Postmortem.Store;

/// <summary>The store cannot be used as it is (a newer schema, a refused connection): a message for a person, never a stack trace.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreException()
    {
    }
}
