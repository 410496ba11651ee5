namespace InfoTheory.Orleans;

/// <summary>
/// The cluster did not answer within <see cref="ClusterJobOptions.ClusterTimeout"/>, or every silo failed while work
/// was left.
/// </summary>
public sealed class ClusterUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was tried and for how long.</param>
    public ClusterUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure behind it.</summary>
    /// <param name="message">What was tried and for how long.</param>
    /// <param name="innerException">The last failure.</param>
    public ClusterUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
