namespace Kagi.Store;

/// <summary>The store could not do what was asked: unreachable, locked, or a schema from a newer Kagi.</summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
